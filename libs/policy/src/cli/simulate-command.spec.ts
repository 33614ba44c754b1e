import { simulate } from './simulate-command';

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = simulate(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe(simulate.name, () => {
  it('prints every clock of the policy with its deadline and explanation', () => {
    const { code, out } = run('--policy', 'mit', '--received', '2026-12-31T16:30:00+07:00');
    expect(code).toBe(0);
    expect(out).toMatch(/^mit v1 · Asia\/Ho_Chi_Minh, Mon–Fri 08:00–17:00/);
    expect(out).toMatch(/acknowledgement\s+due Mon 4 Jan 2027 17:00 \(\+07:00\)/);
    expect(out).toMatch(/resolution\s+due Tue 12 Jan 2027 17:00 \(\+07:00\)/);
    expect(out).toContain('skipped holidays: Fri 1 Jan (Tết Dương lịch)');
  });

  it('applies pauses given as from,to', () => {
    const { out } = run(
      '--policy',
      'mimo',
      '--received',
      '2026-01-05T10:00:00Z',
      '--pause',
      '2026-01-06T12:00:00Z,2026-01-07T12:00:00Z',
    );
    expect(out).toMatch(/resolution\s+due Tue 13 Jan 2026 17:00/);
  });

  it('starts a new span of a recurring clock at each --event that restarts it', () => {
    const { code, out } = run(
      '--policy',
      'imolocale',
      '--received',
      '2026-11-02T10:00:00+01:00',
      '--event',
      'update_sent,2026-11-03T09:00:00+01:00',
    );
    expect(code).toBe(0);
    expect(out).toMatch(/regular_update\s+due Wed 4 Nov 2026 09:00 \(\+01:00\)/);
    expect(out).toContain('span 2: restarted by update_sent at Tue 3 Nov 2026 09:00 (+01:00)');
  });

  it('prints JSON with instants in the policy zone', () => {
    const { out } = run('--policy', 'imolocale', '--received', '2026-10-24T10:00:00+02:00', '--json');
    const plan = JSON.parse(out) as { clocks: { metric: string; dueAt: string }[] };
    expect(plan.clocks.find((clock) => clock.metric === 'resolution')?.dueAt).toBe(
      '2026-10-29T10:00:00.000+01:00',
    );
  });

  it.each([
    [['--received', '2026-01-05T10:00:00Z'], /^error: --policy is required\n$/],
    [['--policy', 'nope', '--received', '2026-01-05T10:00:00Z'], /^error: unknown policy "nope"/],
    [
      ['--policy', 'mimo', '--received', 'yesterday'],
      /^error: invalid complaint facts: receivedAt: must be an ISO 8601 instant/,
    ],
    [
      ['--policy', 'mimo', '--received', '2026-01-05T10:00:00Z', '--pause', 'x,y,z,w'],
      /^error: --pause "x,y,z,w"/,
    ],
    [
      ['--policy', 'mimo', '--received', '2026-01-05T10:00:00Z', '--event', 'update_sent'],
      /^error: --event "update_sent" is not event,instant/,
    ],
    [
      [
        '--policy',
        'mimo',
        '--received',
        '2026-01-05T10:00:00Z',
        '--event',
        'called_back,2026-01-06T10:00:00Z',
      ],
      /^error: invalid complaint facts: events\[0\]\.event/,
    ],
    [['--policy', 'mimo', '--bogus'], /^error: Unknown option '--bogus'/],
  ])('exits with 2 and one line on bad input %#', (argv, message) => {
    const { code, out, err } = run(...argv);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});
