import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { PlatformContext } from '../context';
import { registerAccessControl } from './access';
import { registerErrorHandling } from './errorHandler';
import { apiRoutes } from './routes';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: PlatformContext;
  }
}

export interface AppOptions {
  /** Built web app (apps/web/dist); served at / with index.html for client-side routes. */
  webDist?: string;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean | string;
  /** Largest upload the server reads (policy documents, evidence, Excel). */
  maxFileBytes?: number;
}

export const API_VERSION = '0.1.0';

/** Builds the HTTP application: API under /api, OpenAPI, and the web app. */
export async function buildApp(ctx: PlatformContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 2 * 1024 * 1024,
    // Keep-alive sockets are closed on shutdown once their request is done.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('ctx', ctx);
  // Requests still running when shutdown starts answer with Connection: close, so their
  // keep-alive sockets end with them instead of holding the shutdown for the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: opts.maxFileBytes ?? 50 * 1024 * 1024, files: 50, fields: 50 },
  });
  registerAccessControl(app);
  const serveWeb = Boolean(opts.webDist && existsSync(opts.webDist));
  registerErrorHandling(app, { spaFallback: serveWeb });

  await app.register(swagger, {
    openapi: {
      info: { title: 'InnoCounty 县域创新驱动发展平台 API', version: API_VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ic_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(apiRoutes, { prefix: '/api' });

  if (serveWeb)
    await app.register(fastifyStatic, { root: opts.webDist!, wildcard: false, index: ['index.html'] });
  return app;
}
