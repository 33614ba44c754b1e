// Checks the deployment files against the service contract: docker-compose.yml (with the
// Dockerfile and deploy/nats, deploy/otel-collector.yaml) and the Kubernetes kustomize base.
// Where Docker Compose or kubectl/kustomize is installed, the real tools validate the files too;
// where not, that one check says so and passes on the parsed-file checks alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const root = resolve(__dirname, '../../..');

/** The seven services and their contractual ports. */
const APP_PORTS = {
  gateway: 3000,
  intake: 3001,
  sla: 3002,
  escalation: 3003,
  notifications: 3004,
  feedback: 3005,
  audit: 3006,
} as const;
type App = keyof typeof APP_PORTS;
const APPS = Object.keys(APP_PORTS) as App[];
const INFRASTRUCTURE = ['postgres', 'nats', 'otel-collector', 'jaeger', 'mailpit'];
/** otel/opentelemetry-collector-contrib is FROM scratch: no shell, nothing to probe it with. */
const WITHOUT_HEALTHCHECK = ['otel-collector'];
const COMMON_ENV = ['NATS_URL', 'PORT', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'LOG_LEVEL'];
/** Every service but the gateway, which keeps no state, has a PostgreSQL schema of its own. */
const WITHOUT_DATABASE: readonly string[] = ['gateway'];
/** Where every service serves /metrics: never its public PORT. */
const METRICS_PORT = 9464;
/** The variable the NATS server reads a service's password from (deploy/nats/authorization.conf). */
const natsPasswordVariable = (app: App) => `${app.toUpperCase()}_NATS_PASSWORD`;
const APP_ENV: Record<App, string[]> = {
  gateway: ['API_KEYS'],
  intake: ['PII_ENCRYPTION_KEYS'],
  sla: [],
  escalation: [],
  notifications: ['SMTP_URL', 'MAIL_FROM', 'PII_ENCRYPTION_KEYS'],
  feedback: ['SURVEY_LINK_SECRET', 'PUBLIC_BASE_URL', 'PII_ENCRYPTION_KEYS'],
  audit: ['AUDIT_SIGNING_KEY'],
};

// ------------------------------------------------------------------------------ compose model
interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, string> | string[] };
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: (string | number | { published?: string | number; target?: number })[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

function readText(path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

function loadCompose(): ComposeFile {
  // Merge keys (`<<: *anchor`) are YAML 1.1; Docker Compose resolves them, so must we.
  return parse(readText('docker-compose.yml'), { merge: true }) as ComposeFile;
}

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value == null ? '' : String(value)]),
  );
}

function dependenciesOf(service: ComposeService): Record<string, string> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, 'service_started']));
  return Object.fromEntries(
    Object.entries(deps).map(([name, spec]) => [name, spec.condition ?? 'service_started']),
  );
}

function buildArgsOf(service: ComposeService): Record<string, string> {
  const build = service.build;
  if (build === undefined || typeof build === 'string') return {};
  const args = build.args ?? {};
  if (!Array.isArray(args)) return args;
  return Object.fromEntries(args.map((arg) => [arg.split('=')[0], arg.split('=').slice(1).join('=')]));
}

/** Host ports a service publishes (short "ip:host:container[/proto]" or long syntax). */
function publishedPorts(service: ComposeService): string[] {
  return (service.ports ?? []).flatMap((port) => {
    if (typeof port === 'number') return [String(port)];
    if (typeof port === 'object') return port.published === undefined ? [] : [String(port.published)];
    const parts = port.replace(/\/(tcp|udp)$/, '').split(':');
    return parts.length === 1 ? [parts[0]] : [parts[parts.length - 2]];
  });
}

/** Which of Docker Compose v2's commands is installed, if any. */
function dockerCompose(): { command: string; args: string[] } | { missing: string } {
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0) {
    return { command: 'docker', args: ['compose'] };
  }
  const standalone = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
  if (standalone.status === 0) {
    if (/^v?2\./.test(standalone.stdout.trim())) return { command: 'docker-compose', args: [] };
    return {
      missing: `docker-compose ${standalone.stdout.trim()} is Compose v1 (end of life), which predates this file's syntax`,
    };
  }
  return { missing: 'neither `docker compose` nor `docker-compose` is installed' };
}

function note(message: string): void {
  process.stdout.write(`[deployment-files] ${message}\n`);
}

// --------------------------------------------------------------------------- kustomize model
interface K8sProbe {
  httpGet?: { path?: string; port?: string | number };
}
interface K8sContainer {
  name: string;
  image?: string;
  livenessProbe?: K8sProbe;
  readinessProbe?: K8sProbe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  env?: { name: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  volumeMounts?: { name: string; mountPath: string }[];
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: {
    replicas?: number;
    instances?: number;
    template?: {
      spec?: { containers?: K8sContainer[]; volumes?: { name: string; configMap?: { name: string } }[] };
    };
  };
}
interface Kustomization {
  resources?: string[];
  configMapGenerator?: { name: string; files?: string[]; envs?: string[] }[];
}
interface KustomizeTree {
  objects: K8sObject[];
  /** configMapGenerator name -> files (and env files) it is made of (absolute paths). */
  generatedFiles: Map<string, string[]>;
}

/** Reads a kustomization and the local resources it lists, recursively (no transformations). */
function loadKustomization(
  dir: string,
  tree: KustomizeTree = { objects: [], generatedFiles: new Map() },
): KustomizeTree {
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as Kustomization;
  for (const entry of kustomization.resources ?? []) {
    const path = resolve(dir, entry);
    if (statSync(path).isDirectory()) {
      loadKustomization(path, tree);
      continue;
    }
    for (const doc of parseAllDocuments(readFileSync(path, 'utf8'))) {
      if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0].message}`);
      const object = doc.toJS() as K8sObject | null;
      if (object) tree.objects.push(object);
    }
  }
  for (const generator of kustomization.configMapGenerator ?? []) {
    const files = [...(generator.files ?? []), ...(generator.envs ?? [])].map((file) =>
      resolve(dir, file.split('=').pop() ?? file),
    );
    tree.generatedFiles.set(generator.name, [...(tree.generatedFiles.get(generator.name) ?? []), ...files]);
  }
  return tree;
}

function findObject(objects: K8sObject[], kind: string, name: string): K8sObject | undefined {
  return objects.find((object) => object.kind === kind && object.metadata.name === name);
}

/** The first kustomize-capable command installed: kubectl (built-in kustomize) or kustomize. */
function kustomizeCommand(): { command: string; args: string[] } | undefined {
  if (spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0) {
    return { command: 'kubectl', args: ['kustomize'] };
  }
  if (spawnSync('kustomize', ['version'], { stdio: 'ignore' }).status === 0) {
    return { command: 'kustomize', args: ['build'] };
  }
  return undefined;
}

/** nats.conf settings that are not commented out. */
function activeNatsSettings(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

// ------------------------------------------------------------------------------------ tests
describe('docker-compose.yml', () => {
  const compose = loadCompose();
  const services = compose.services;

  it('defines the seven services and postgres, nats, otel-collector, jaeger and mailpit', () => {
    expect(Object.keys(services).sort()).toEqual([...APPS, ...INFRASTRUCTURE].sort());
  });

  it('gives every container a healthcheck, except the collector whose image has no shell to run one', () => {
    for (const [name, service] of Object.entries(services)) {
      if (WITHOUT_HEALTHCHECK.includes(name)) continue;
      expect({ name, test: service.healthcheck?.test }).toEqual({ name, test: expect.anything() });
      expect({ name, disabled: service.healthcheck?.disable ?? false }).toEqual({ name, disabled: false });
    }
  });

  it('probes each service on its /health/ready endpoint at its own PORT', () => {
    for (const app of APPS) {
      const test = services[app].healthcheck?.test;
      const command = Array.isArray(test) ? test.join(' ') : String(test);
      expect({ app, command }).toEqual({ app, command: expect.stringContaining('/health/ready') });
      expect({ app, command }).toEqual({ app, command: expect.stringContaining('process.env.PORT') });
    }
  });

  it('starts each service only once postgres and nats are healthy and the collector has started', () => {
    for (const app of APPS) {
      const deps = dependenciesOf(services[app]);
      expect({
        app,
        postgres: deps['postgres'],
        nats: deps['nats'],
        collector: deps['otel-collector'],
      }).toEqual({
        app,
        postgres: 'service_healthy',
        nats: 'service_healthy',
        collector: 'service_started',
      });
    }
  });

  it('starts the gateway only once the six other services are healthy', () => {
    const deps = dependenciesOf(services['gateway']);
    for (const app of APPS.filter((name) => name !== 'gateway')) {
      expect({ app, condition: deps[app] }).toEqual({ app, condition: 'service_healthy' });
    }
  });

  it('starts notifications only once mailpit is healthy', () => {
    expect(dependenciesOf(services['notifications'])['mailpit']).toBe('service_healthy');
  });

  it('builds each service from the one Dockerfile with the service name as APP', () => {
    for (const app of APPS) {
      const build = services[app].build;
      const context = typeof build === 'string' ? build : build?.context;
      const dockerfile = typeof build === 'string' ? undefined : build?.dockerfile;
      expect({
        app,
        context,
        dockerfile: dockerfile ?? 'Dockerfile',
        APP: buildArgsOf(services[app])['APP'],
      }).toEqual({
        app,
        context: '.',
        dockerfile: 'Dockerfile',
        APP: app,
      });
    }
  });

  it('gives each service NATS_URL, PORT, LOG_LEVEL, OTEL_EXPORTER_OTLP_ENDPOINT, and DATABASE_URL to all but the gateway', () => {
    for (const app of APPS) {
      const env = environmentOf(services[app]);
      for (const name of COMMON_ENV) {
        expect({ app, name, set: (env[name] ?? '').length > 0 }).toEqual({ app, name, set: true });
      }
      if (WITHOUT_DATABASE.includes(app)) expect({ app, DATABASE_URL: env['DATABASE_URL'] }).toEqual({ app, DATABASE_URL: undefined });
      else expect(env['DATABASE_URL']).toMatch(/^postgres:\/\/[^:]+:[^@]+@postgres:5432\/\w+$/);
      expect(env['NATS_URL']).toBe('nats://nats:4222');
      expect(env['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('http://otel-collector:4318');
    }
  });

  it('gives each service its contractual PORT, and publishes it on the same host port', () => {
    for (const app of APPS) {
      const port = String(APP_PORTS[app]);
      expect({ app, PORT: environmentOf(services[app])['PORT'] }).toEqual({ app, PORT: port });
      expect({ app, published: publishedPorts(services[app]) }).toEqual({ app, published: [port] });
    }
  });

  it('gives the services that need them their own settings', () => {
    for (const app of APPS) {
      const env = environmentOf(services[app]);
      for (const name of APP_ENV[app]) {
        expect({ app, name, set: (env[name] ?? '').length > 0 }).toEqual({ app, name, set: true });
      }
    }
    // role:key:name:organisation: every role for the platform's operators, and one organisation's own people.
    const apiKeys = environmentOf(services['gateway'])['API_KEYS'].split(',').map((entry) => entry.split(':'));
    expect(apiKeys.filter(([, , , organisation]) => organisation === '*').map(([role]) => role).sort()).toEqual([
      'admin',
      'agent',
      'auditor',
      'submitter',
    ]);
    expect(apiKeys.filter(([, , , organisation]) => organisation === 'mimo').map(([role]) => role).sort()).toEqual(['admin', 'agent']);
    expect(new Set(apiKeys.map(([, , name]) => name)).size).toBe(apiKeys.length);
    for (const entry of environmentOf(services['intake'])['PII_ENCRYPTION_KEYS'].split(',')) {
      const [keyId, key] = entry.split(':');
      expect(keyId.length).toBeGreaterThan(0);
      expect(Buffer.from(key, 'base64')).toHaveLength(32);
    }
    // The Dockerfile runs the services with NODE_ENV=production, where the audit service
    // requires a signing key: a 32-byte Ed25519 seed.
    expect(Buffer.from(environmentOf(services['audit'])['AUDIT_SIGNING_KEY'], 'base64')).toHaveLength(32);
  });

  it('publishes no host port twice', () => {
    const published = Object.values(services).flatMap(publishedPorts);
    expect(published.length).toBeGreaterThan(0);
    expect(published.filter((port, index) => published.indexOf(port) !== index)).toEqual([]);
  });

  it('keeps PostgreSQL 17 and NATS data on named volumes', () => {
    expect(services['postgres'].image).toMatch(/^postgres:17(\.|-|$)/);
    const named = Object.keys(compose.volumes ?? {});
    for (const name of ['postgres', 'nats']) {
      const sources = (services[name].volumes ?? []).map((volume) =>
        typeof volume === 'string' ? volume.split(':')[0] : (volume.source ?? ''),
      );
      expect({ name, named: sources.some((source) => named.includes(source)) }).toEqual({
        name,
        named: true,
      });
    }
  });

  it('runs NATS with JetStream on file storage that fsyncs every write, health-checked through /healthz', () => {
    const nats = services['nats'];
    const mounted = (nats.volumes ?? []).find(
      (volume) => typeof volume === 'string' && volume.startsWith('./deploy/nats/nats.conf:'),
    );
    expect(mounted).toBeDefined();
    const conf = activeNatsSettings(readText('deploy/nats/nats.conf'));
    expect(conf).toMatch(/jetstream\s*\{[^}]*store_dir:\s*\/data/);
    expect(conf).toMatch(/jetstream\s*\{[^}]*sync_interval:\s*always/);
    expect(conf).toMatch(/http_port:\s*8222/);
    expect(String(nats.healthcheck?.test)).toContain('/healthz?js-enabled-only=true');
  });

  it('sends traces through the collector to Jaeger and exposes metrics for Prometheus', () => {
    const collector = services['otel-collector'];
    expect(
      (collector.volumes ?? []).some((volume) => String(volume).startsWith('./deploy/otel-collector.yaml:')),
    ).toBe(true);
    const config = parse(readText('deploy/otel-collector.yaml')) as {
      receivers: Record<string, { protocols?: Record<string, unknown> }>;
      exporters: Record<string, { endpoint?: string }>;
      service: { pipelines: Record<string, { receivers: string[]; exporters: string[] }> };
    };
    expect(Object.keys(config.receivers['otlp'].protocols ?? {}).sort()).toEqual(['grpc', 'http']);
    const traces = config.service.pipelines['traces'];
    expect(traces.receivers).toContain('otlp');
    expect(traces.exporters.map((name) => config.exporters[name].endpoint)).toContain('jaeger:4317');
    expect(config.service.pipelines['metrics'].exporters).toContain('prometheus');
  });

  it('gives each service its own NATS user, whose password is the one NATS reads for that user', () => {
    const nats = services['nats'];
    const natsEnv = environmentOf(nats);
    const authorization = readText('deploy/nats/authorization.conf');
    expect((nats.volumes ?? []).some((volume) => String(volume).startsWith('./deploy/nats/authorization.conf:/etc/nats/authorization.conf'))).toBe(true);
    expect(activeNatsSettings(readText('deploy/nats/nats.conf'))).toMatch(/^include \.\/authorization\.conf$/m);
    for (const app of APPS) {
      const env = environmentOf(services[app]);
      expect({ app, user: env['NATS_USER'], password: env['NATS_PASSWORD'] }).toEqual({
        app,
        user: app,
        password: natsEnv[natsPasswordVariable(app)],
      });
      expect(env['NATS_PASSWORD']?.length).toBeGreaterThanOrEqual(16);
      expect(authorization).toContain(`user: "${app}"\n      password: $${natsPasswordVariable(app)}\n`);
    }
  });

  it('serves metrics on METRICS_PORT, apart from the public PORT, and the collector scrapes that port', () => {
    for (const app of APPS) {
      const env = environmentOf(services[app]);
      expect({ app, metricsPort: env['METRICS_PORT'] }).toEqual({ app, metricsPort: String(METRICS_PORT) });
      expect(publishedPorts(services[app])).not.toContain(String(METRICS_PORT));
    }
    const config = parse(readText('deploy/otel-collector.yaml')) as {
      receivers: Record<string, { config?: { scrape_configs?: { static_configs?: { targets?: string[] }[] }[] } }>;
    };
    const targets = config.receivers['prometheus/services'].config?.scrape_configs?.[0]?.static_configs?.[0]?.targets;
    expect(targets).toEqual(APPS.map((app) => `${app}:${METRICS_PORT}`));
  });

  it('is accepted by `docker compose config` where Docker Compose is installed', () => {
    const compose = dockerCompose();
    if ('missing' in compose) {
      note(
        `not running \`docker compose config -q\`: ${compose.missing}; the parsed-file checks stand alone`,
      );
      return;
    }
    const result = spawnSync(compose.command, [...compose.args, '-f', 'docker-compose.yml', 'config', '-q'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 0,
      stderr: expect.any(String),
    });
  });
});

describe('Dockerfile', () => {
  it('builds any service on Node 24 from ARG APP and starts apps/$APP/dist/main.js', () => {
    const dockerfile = readText('Dockerfile');
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^RUN .*npm ci/m);
    expect(dockerfile).toMatch(/nx run-many -t build/);
    expect(dockerfile).toMatch(/^ARG APP$/m);
    expect(dockerfile).toContain('apps/${APP}/dist/main.js');
  });

  it('leaves installed, built and local-state files out of the build context', () => {
    const ignored = readText('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    for (const pattern of ['**/node_modules', '**/dist', '.nx', '.local', '.git']) {
      expect(ignored).toContain(pattern);
    }
  });
});

describe('deploy/k8s kustomize base', () => {
  const baseDir = join(root, 'deploy/k8s/base');
  const base = loadKustomization(baseDir);

  it('lists a Deployment for each of the seven services, probed on /health/live and /health/ready', () => {
    for (const app of APPS) {
      const deployment = findObject(base.objects, 'Deployment', app);
      const container = deployment?.spec?.template?.spec?.containers?.[0];
      expect({
        app,
        liveness: container?.livenessProbe?.httpGet?.path,
        readiness: container?.readinessProbe?.httpGet?.path,
      }).toEqual({ app, liveness: '/health/live', readiness: '/health/ready' });
    }
  });

  it('gives each service a Service, resource requests and a memory limit, and its contract environment', () => {
    for (const app of APPS) {
      expect({ app, service: findObject(base.objects, 'Service', app) !== undefined }).toEqual({
        app,
        service: true,
      });
      const container = findObject(base.objects, 'Deployment', app)?.spec?.template?.spec?.containers?.[0];
      expect({
        app,
        cpu: container?.resources?.requests?.['cpu'],
        memory: container?.resources?.limits?.['memory'],
      }).toEqual({
        app,
        cpu: expect.any(String),
        memory: expect.any(String),
      });
      const env = (container?.env ?? []).map((variable) => variable.name);
      for (const name of ['PORT', ...(WITHOUT_DATABASE.includes(app) ? [] : ['DATABASE_URL']), ...APP_ENV[app]]) {
        expect({ app, name, set: env.includes(name) }).toEqual({ app, name, set: true });
      }
      expect(container?.envFrom?.map((source) => source.configMapRef?.name)).toContain('complaints-config');
    }
  });

  it('runs at least two sla replicas, which share the timers', () => {
    expect(findObject(base.objects, 'Deployment', 'sla')?.spec?.replicas).toBeGreaterThanOrEqual(2);
  });

  it('runs NATS as a 3-node JetStream StatefulSet whose config fsyncs every write', () => {
    const nats = findObject(base.objects, 'StatefulSet', 'nats');
    expect(nats?.spec?.replicas).toBe(3);
    const configMap = nats?.spec?.template?.spec?.volumes?.find((volume) => volume.configMap)?.configMap
      ?.name;
    const files = base.generatedFiles.get(configMap ?? '') ?? [];
    const natsConf = files.find((file) => file.endsWith('/nats.conf'));
    expect(natsConf).toBeDefined();
    const conf = activeNatsSettings(readFileSync(natsConf ?? '', 'utf8'));
    expect(conf).toMatch(/jetstream\s*\{[^}]*sync_interval:\s*always/);
    expect(conf).toMatch(/cluster\s*\{[^}]*routes/);
  });

  it('gives each service its own NATS user and NATS every password, from complaints-secrets', () => {
    type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };
    const envOf = (object: K8sObject | undefined) => (object?.spec?.template?.spec?.containers?.[0]?.env ?? []) as EnvVar[];
    const nats = findObject(base.objects, 'StatefulSet', 'nats');
    const configMap = nats?.spec?.template?.spec?.volumes?.find((volume) => volume.configMap)?.configMap?.name;
    const files = base.generatedFiles.get(configMap ?? '') ?? [];
    const natsConf = readFileSync(files.find((file) => file.endsWith('/nats.conf')) ?? '', 'utf8');
    expect(activeNatsSettings(natsConf)).toMatch(/^include \.\/authorization\.conf$/m);
    expect(files.map((file) => file.split('/').pop())).toContain('authorization.conf');
    const devSecrets = readText('deploy/k8s/overlays/dev/secrets.dev.env');
    for (const app of APPS) {
      const env = envOf(findObject(base.objects, 'Deployment', app));
      expect({ app, user: env.find((variable) => variable.name === 'NATS_USER')?.value }).toEqual({ app, user: app });
      const secret = { name: 'complaints-secrets', key: natsPasswordVariable(app) };
      expect({ app, password: env.find((variable) => variable.name === 'NATS_PASSWORD')?.valueFrom?.secretKeyRef }).toEqual({ app, password: secret });
      expect(envOf(nats).find((variable) => variable.name === natsPasswordVariable(app))?.valueFrom?.secretKeyRef).toEqual(secret);
      expect(devSecrets).toMatch(new RegExp(`^${natsPasswordVariable(app)}=.{16,}$`, 'm'));
    }
  });

  it('annotates each service for Prometheus on its metrics port, not its public one', () => {
    const shared = (base.generatedFiles.get('complaints-config') ?? []).map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(shared).toMatch(new RegExp(`^METRICS_PORT=${METRICS_PORT}$`, 'm'));
    for (const app of APPS) {
      const template = (findObject(base.objects, 'Deployment', app)?.spec?.template ?? {}) as {
        metadata?: { annotations?: Record<string, string> };
        spec?: { containers?: { ports?: { name: string; containerPort: number }[] }[] };
      };
      expect({ app, port: template.metadata?.annotations?.['prometheus.io/port'] }).toEqual({ app, port: String(METRICS_PORT) });
      expect(template.spec?.containers?.[0]?.ports).toContainEqual({ name: 'metrics', containerPort: METRICS_PORT });
    }
  });

  it('denies all ingress but the gateway API, NATS and PostgreSQL from the services, and scrapes', () => {
    type Peer = { podSelector?: { matchLabels?: Record<string, string> }; namespaceSelector?: unknown };
    type Policy = K8sObject & {
      spec: { podSelector: { matchLabels?: Record<string, string> }; ingress?: { from?: Peer[]; ports?: { port: number }[] }[] };
    };
    const policies = base.objects.filter((object) => object.kind === 'NetworkPolicy') as Policy[];
    const selecting = (labels: Record<string, string>) =>
      policies.filter((policy) => Object.entries(policy.spec.podSelector.matchLabels ?? {}).every(([key, value]) => labels[key] === value));
    expect(policies.find((policy) => Object.keys(policy.spec.podSelector.matchLabels ?? {}).length === 0)?.spec.ingress).toBeUndefined();
    const natsRules = selecting({ 'app.kubernetes.io/name': 'nats' }).flatMap((policy) => policy.spec.ingress ?? []);
    const clientRule = natsRules.find((rule) => rule.ports?.some((port) => port.port === 4222) && rule.from?.some((peer) => peer.podSelector?.matchLabels?.['app.kubernetes.io/component'] === 'service'));
    expect(clientRule?.from).toHaveLength(1);
    const pgRules = selecting({ 'cnpg.io/cluster': 'complaints-pg' }).flatMap((policy) => policy.spec.ingress ?? []);
    expect(pgRules.flatMap((rule) => rule.from ?? []).every((peer) => peer.namespaceSelector || peer.podSelector?.matchLabels?.['app.kubernetes.io/component'] === 'service' || peer.podSelector?.matchLabels?.['cnpg.io/cluster'] === 'complaints-pg')).toBe(true);
    // Only the gateway opens a port to every source (no `from`).
    for (const app of APPS) {
      const open = selecting({ 'app.kubernetes.io/name': app, 'app.kubernetes.io/component': 'service' })
        .flatMap((policy) => policy.spec.ingress ?? [])
        .filter((rule) => rule.from === undefined);
      expect({ app, open: open.flatMap((rule) => rule.ports?.map((port) => port.port) ?? []) }).toEqual({ app, open: app === 'gateway' ? [3000] : [] });
    }
  });

  it('has the services create every stream with three replicas, one per NATS node', () => {
    const shared = (base.generatedFiles.get('complaints-config') ?? []).map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(shared).toMatch(/^NATS_STREAM_REPLICAS=3$/m);
  });

  it('runs PostgreSQL as a CloudNativePG Cluster', () => {
    const cluster = findObject(base.objects, 'Cluster', 'complaints-pg');
    expect(cluster?.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(cluster?.spec?.instances).toBeGreaterThanOrEqual(1);
  });

  it('builds, with the dev overlay, under kustomize where kubectl or kustomize is installed', () => {
    const kustomize = kustomizeCommand();
    if (!kustomize) {
      note(
        'not running `kubectl kustomize`: neither kubectl nor kustomize is installed; the parsed-file checks stand alone',
      );
      return;
    }
    for (const dir of ['deploy/k8s/base', 'deploy/k8s/overlays/dev']) {
      expect(existsSync(join(root, dir, 'kustomization.yaml'))).toBe(true);
      const result = spawnSync(kustomize.command, [...kustomize.args, dir], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect({ dir, status: result.status, stderr: result.stderr }).toEqual({
        dir,
        status: 0,
        stderr: expect.any(String),
      });
      const kinds = parseAllDocuments(result.stdout).map((doc) => (doc.toJS() as K8sObject).kind);
      expect(kinds.filter((kind) => kind === 'Deployment').length).toBeGreaterThanOrEqual(APPS.length);
      expect(kinds).toContain('StatefulSet');
    }
  });
});
