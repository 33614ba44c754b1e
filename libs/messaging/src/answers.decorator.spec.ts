import { GetComplaintClocksRequest, RequestPayload, SlaRequests } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { Answers } from './answers.decorator';

const clocks = (complaintId: string) => ({ complaintId, policyId: 'mimo', policyVersion: 1, clocks: [] });
const request = { principal: { name: 'agent', role: 'agent', organisationId: 'mimo' }, complaintId: '0196f3c4-8a59-7b1e-9b1a-2f7c8d9e0a1b' } as const;

class ClocksHandlers {
  readonly asked: GetComplaintClocksRequest[] = [];

  @Answers(SlaRequests.getComplaintClocks)
  async clocks(question: GetComplaintClocksRequest) {
    this.asked.push(question);
    if (question.complaintId === request.complaintId) return clocks(question.complaintId);
    throw new NotFoundError(`complaint ${question.complaintId}`);
  }
}

/** What Nest does with a message: call the method with the raw payload. */
function deliver(handlers: ClocksHandlers, payload: unknown): Promise<unknown> {
  return (handlers.clocks as unknown as (payload: unknown) => Promise<unknown>).call(handlers, payload);
}

describe(Answers.name, () => {
  it("subscribes the method on the contract's subject", () => {
    expect(Reflect.getMetadata(PATTERN_METADATA, ClocksHandlers.prototype.clocks)).toEqual([SlaRequests.getComplaintClocks.pattern]);
  });

  it('hands the method the parsed request and replies with its value', async () => {
    const handlers = new ClocksHandlers();
    expect(await deliver(handlers, request)).toEqual({ ok: true, value: clocks(request.complaintId) });
    expect(handlers.asked).toEqual([request]);
  });

  it('answers a malformed request with the fields at fault, without calling the method', async () => {
    const handlers = new ClocksHandlers();
    const reply = await deliver(handlers, { ...request, complaintId: 'not-a-uuid', extra: 1 });
    expect(reply).toMatchObject({ ok: false, problem: { code: 'invalid', errors: [expect.objectContaining({ field: 'complaintId' }), expect.anything()] } });
    expect(handlers.asked).toEqual([]);
  });

  it('turns a domain error into its problem', async () => {
    const reply = await deliver(new ClocksHandlers(), { ...request, complaintId: '0196f3c4-8a59-7b1e-9b1a-2f7c8d9e0a1c' });
    expect(reply).toMatchObject({ ok: false, problem: { code: 'not_found' } });
  });

  it('is checked by the compiler against the contract, on both sides', () => {
    class WrongReply {
      // @ts-expect-error -- sla answers this request with the complaint's clocks, not a string.
      @Answers(SlaRequests.getComplaintClocks)
      async clocks(_request: GetComplaintClocksRequest): Promise<string> {
        return 'clocks';
      }
    }
    // @ts-expect-error -- a caller must name the complaint it asks about.
    const missingComplaint: RequestPayload<typeof SlaRequests.getComplaintClocks> = { principal: request.principal };
    // @ts-expect-error -- and may not send fields the contract does not have.
    const extraField: RequestPayload<typeof SlaRequests.getComplaintClocks> = { ...request, policyId: 'mimo' };
    expect([WrongReply, missingComplaint, extraField]).toHaveLength(3);
  });
});
