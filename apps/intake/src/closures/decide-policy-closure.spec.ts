import { builtInPolicy } from '@complaints/policy';
import { decidePolicyClosure } from './decide-policy-closure';

const modmount = builtInPolicy('modmount');
const mimo = builtInPolicy('mimo');
const dueAt = new Date('2026-04-01T16:00:00Z');
const waiting = { status: 'awaiting_customer', lastCustomerReplyAt: null } as const;

describe(decidePolicyClosure.name, () => {
  it('closes a Modmount complaint as non_cooperation when the customer window ends', () => {
    const decision = decidePolicyClosure(modmount, waiting, { metric: 'non_cooperation', dueAt });
    expect(decision).toEqual({
      kind: 'close',
      reason: 'non_cooperation',
      note:
        'Closed as non_cooperation: the non_cooperation window ended at 2026-04-01T16:00:00.000Z with the clock ' +
        'still running; policy modmount v1 closes such complaints.',
    });
  });

  it('closes a Modmount complaint as stale at its age limit, whatever it waits for', () => {
    const decision = decidePolicyClosure(
      modmount,
      { status: 'in_progress', lastCustomerReplyAt: null },
      { metric: 'stale', dueAt },
    );
    expect(decision).toMatchObject({ kind: 'close', reason: 'stale' });
  });

  it('proposes the closure to an agent when the rule says may_close', () => {
    const mayClose = { ...modmount, closure: modmount.closure.map((rule) => ({ ...rule, mode: 'may_close' as const })) };
    const decision = decidePolicyClosure(mayClose, waiting, { metric: 'stale', dueAt });
    expect(decision).toMatchObject({ kind: 'propose', reason: 'stale' });
    expect(decision.kind === 'propose' && decision.note).toMatch(/^May be closed as stale: .* allows it\.$/);
  });

  it('does nothing for a clock no closure rule names', () => {
    expect(decidePolicyClosure(modmount, waiting, { metric: 'acknowledgement', dueAt })).toEqual({
      kind: 'none',
      why: 'policy modmount v1 has no closure rule for acknowledgement',
    });
    expect(decidePolicyClosure(mimo, waiting, { metric: 'resolution', dueAt }).kind).toBe('none');
  });

  it('leaves a complaint the customer answered after the window ended', () => {
    const answered = { status: 'awaiting_customer', lastCustomerReplyAt: new Date(dueAt.getTime() + 1) } as const;
    expect(decidePolicyClosure(modmount, answered, { metric: 'non_cooperation', dueAt })).toEqual({
      kind: 'none',
      why: 'the customer replied after the window ended',
    });
  });

  it('counts a reply recorded before the deadline as no answer to a later request', () => {
    const earlier = { status: 'awaiting_customer', lastCustomerReplyAt: new Date(dueAt.getTime() - 1) } as const;
    expect(decidePolicyClosure(modmount, earlier, { metric: 'non_cooperation', dueAt }).kind).toBe('close');
  });

  it('does nothing to a closed complaint', () => {
    const closed = { status: 'closed', lastCustomerReplyAt: null } as const;
    expect(decidePolicyClosure(modmount, closed, { metric: 'stale', dueAt })).toEqual({
      kind: 'none',
      why: 'the complaint is closed already',
    });
  });
});
