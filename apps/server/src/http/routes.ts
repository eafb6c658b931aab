import type { FastifyPluginAsync } from 'fastify';
import { authRoutes } from '../modules/auth/routes';
import { departmentRoutes } from '../modules/departments/routes';
import { logRoutes } from '../modules/logs/routes';
import { orgUnitRoutes } from '../modules/orgUnits/routes';
import { systemRoutes } from '../modules/system/routes';
import { userRoutes } from '../modules/users/routes';

/** Every API module, mounted under /api. A module adds itself here with one line. */
export const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(orgUnitRoutes);
  await app.register(departmentRoutes);
  await app.register(logRoutes);
};
