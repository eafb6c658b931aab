import type { FastifyPluginAsync } from 'fastify';
import '../actions';
import { ioRoutes } from './io';
import { itemRoutes } from './items';
import { ledgerRoutes } from './ledgers';
import { viewRoutes } from './views';

/** 督查督办: ledgers, items and their lifecycle, views, Excel and documents. */
export const ledgerModule: FastifyPluginAsync = async (app) => {
  await app.register(ledgerRoutes);
  await app.register(itemRoutes);
  await app.register(viewRoutes);
  await app.register(ioRoutes);
};
