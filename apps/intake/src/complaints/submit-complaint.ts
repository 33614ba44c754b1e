import { SubmitComplaintRequest, SubmittedComplaint } from '@complaints/contracts';
import { ComplaintStatus, InvalidInputError, NotFoundError, PLATFORM_WIDE, Principal } from '@complaints/domain';
import { PolicyDocument } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { UnitOfWork } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { ComplaintDataKeys } from '../personal-data/complaint-data-keys';
import { CustomerLookup } from '../personal-data/customer-lookup';
import { ReferenceAllocator, referencePrefixFor } from '../references/reference-allocator';
import { ComplaintSubmission, newComplaint } from './complaint';
import { ComplaintChanges } from './complaint-changes';
import { contactOf, openContact, sealContact } from './complaint-contact';
import { toComplaintView } from './complaint-view';
import { COMPLAINT_REPOSITORY, ComplaintRepository } from './complaint.repository';
import { plannedDeadlines } from './planned-deadlines';
import { seesPolicy } from '../policies/policy-visibility';
import { actorOf, seesContact } from './complaint-access';
import { assertFirstContactBeforeReceipt, assertNotInFuture } from './past-instants';
import { admitToPolicy } from './policy-admission';
import { yearInZone } from './reference-year';
import { runIdempotently } from './run-idempotently';

/**
 * Takes a complaint in: checks it against the version of its policy in force at receipt,
 * issues its reference, encrypts its personal data and stores it with its
 * `complaint.received` event, all in one transaction, at most once per idempotency key.
 */
@Injectable()
export class SubmitComplaint {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalog: PolicyCatalog,
    private readonly keys: ComplaintDataKeys,
    private readonly lookup: CustomerLookup,
    private readonly references: ReferenceAllocator,
    private readonly idempotency: IdempotencyStore,
    @Inject(COMPLAINT_REPOSITORY) private readonly complaints: ComplaintRepository,
    private readonly changes: ComplaintChanges,
  ) {}

  async execute(request: SubmitComplaintRequest): Promise<SubmittedComplaint> {
    const { body } = request;
    assertNotInFuture(new Date(request.receivedAt), { receivedAt: body.receivedAt, firstContactAt: body.firstContactAt });
    const receivedAt = new Date(body.receivedAt ?? request.receivedAt);
    assertFirstContactBeforeReceipt(body.firstContactAt, receivedAt);
    const policy = this.policyInForce(request.principal, body.policyId, receivedAt);
    const { status } = admitToPolicy(policy, body);

    return this.unitOfWork.run(async (tx, events) => {
      const { result } = await runIdempotently(
        tx,
        this.idempotency,
        { scope: request.principal.name, key: request.idempotencyKey, operation: 'complaint.submit', body },
        async () => {
          const received = newComplaint(await this.submission(tx, request, policy, status, receivedAt));
          await this.changes.create(tx, events, received, actorOf(request.principal));
          return { ...toComplaintView(received.complaint), sla: plannedDeadlines(policy, received.complaint) };
        },
      );
      if (!seesContact(request.principal)) return result;
      // The stored result holds no personal data; an agent gets the contact data read afresh
      // (from the identity map when the complaint was stored just now).
      const complaint = await this.complaints.find(tx, result.id);
      if (!complaint) throw new NotFoundError(`complaint ${result.id}`);
      return { ...result, contact: await openContact(this.keys, tx, complaint) };
    });
  }

  /**
   * Another organisation's policy is as unknown as a policy that does not exist. A template
   * belongs to no organisation: its complaints would be no one's, so only the platform's
   * operators may use one; an organisation publishes a version of its own.
   */
  private policyInForce(principal: Principal, policyId: string, receivedAt: Date): PolicyDocument {
    const latest = this.catalog.registry.has(policyId) ? this.catalog.registry.require(policyId) : undefined;
    if (!latest || !seesPolicy(principal, latest)) {
      throw new InvalidInputError(`there is no policy ${policyId}`, [{ field: 'policyId', message: 'is not a known policy' }]);
    }
    if (latest.organisationId === undefined && principal.organisationId !== PLATFORM_WIDE) {
      throw new InvalidInputError(`policy ${policyId} is a template`, [
        { field: 'policyId', message: 'is a template: publish a policy of your organisation based on it to use it' },
      ]);
    }
    const policy = this.catalog.registry.versionInForce(policyId, receivedAt);
    if (!policy) {
      throw new InvalidInputError(`policy ${policyId} has no version in force at ${receivedAt.toISOString()}`, [
        { field: 'receivedAt', message: 'is before the first version of the policy takes effect' },
      ]);
    }
    return policy;
  }

  /** What the submission decides; the reference is issued in the transaction, so a rolled-back one is issued again. */
  private async submission(
    tx: EntityManager,
    request: SubmitComplaintRequest,
    policy: PolicyDocument,
    status: ComplaintStatus,
    receivedAt: Date,
  ): Promise<ComplaintSubmission> {
    const { body } = request;
    const id = uuidv7();
    const sealed = await sealContact(this.keys, tx, id, contactOf(body));
    return {
      id,
      reference: await this.references.next(tx, {
        prefix: referencePrefixFor(policy.id),
        year: yearInZone(receivedAt, policy.calendar.zone),
      }),
      organisationId: policy.organisationId ?? null,
      policyId: policy.id,
      policyVersion: policy.version,
      kind: body.kind,
      channel: body.channel,
      status,
      receivedAt,
      firstContactAt: body.firstContactAt ? new Date(body.firstContactAt) : null,
      submittedBy: request.principal.name,
      thirdPartyRelationship: body.thirdParty?.relationship ?? null,
      sellerId: body.seller?.id ?? null,
      contactKeyId: sealed.keyId,
      contactCiphertext: sealed.ciphertext,
      customerLookup: body.customer.email === undefined ? null : this.lookup.of(body.customer.email),
    };
  }
}
