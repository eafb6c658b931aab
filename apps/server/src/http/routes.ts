import type { FastifyPluginAsync } from 'fastify';
// Registers every module's demo loader, for the admin's 载入演示数据 (POST /api/admin/demo).
import '../modules/demoLoaders';
import { authRoutes } from '../modules/auth/routes';
import { departmentRoutes } from '../modules/departments/routes';
import { ledgerModule } from '../modules/ledger/routes';
import { logRoutes } from '../modules/logs/routes';
import { orgUnitRoutes } from '../modules/orgUnits/routes';
import { policyRoutes } from '../modules/policies/routes';
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
  await app.register(ledgerModule);
  await app.register(policyRoutes);
};
