import { readFile, readdir, readlink } from 'node:fs/promises';

/** The inodes of the sockets a process holds open (Linux `/proc`). */
async function socketInodes(pid: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match?.[1]) inodes.add(match[1]);
  }
  return inodes;
}

/**
 * How many TCP connections a process has open to the given remote port, found by matching its
 * socket inodes against the kernel's connection tables: what the process really holds, whatever
 * its configuration says.
 */
export async function tcpPeersOf(pid: number, remotePort: number): Promise<number> {
  const inodes = await socketInodes(pid);
  let peers = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const rows = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const row of rows) {
      const columns = row.trim().split(/\s+/);
      const remote = columns[2];
      const inode = columns[9];
      if (!remote || !inode) continue;
      const port = parseInt(remote.split(':')[1] ?? '', 16);
      if (port === remotePort && inodes.has(inode)) peers += 1;
    }
  }
  return peers;
}
