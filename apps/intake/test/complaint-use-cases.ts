import { EventPublisher, Outbox, OutboxRelay, Topology, UnitOfWork } from '@complaints/messaging';
import { PolicyRegistry, builtInPolicies } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { createSecretKey, randomBytes } from 'node:crypto';
import { ApplyLifecycleCommand } from '../src/complaints/apply-lifecycle-command';
import { ComplaintChanges } from '../src/complaints/complaint-changes';
import { ComplaintHistory } from '../src/complaints/complaint-history';
import { GetCustomerContact } from '../src/contact-reads/get-customer-contact';
import { EraseComplaintData } from '../src/data-rights/erase-complaint-data';
import { ErasePersonalData } from '../src/data-rights/erase-personal-data';
import { ExportCustomerData } from '../src/data-rights/export-customer-data';
import { RetentionErasure } from '../src/data-rights/retention-erasure';
import { SetLegalHold } from '../src/data-rights/set-legal-hold';
import { SqlComplaintRepository } from '../src/complaints/sql-complaint.repository';
import { SubmitComplaint } from '../src/complaints/submit-complaint';
import { IdempotencyStore } from '../src/idempotency/idempotency-store';
import { PersonalDataCipher } from '@complaints/persistence';
import { ComplaintDataKeys } from '../src/personal-data/complaint-data-keys';
import { CustomerLookup } from '../src/personal-data/customer-lookup';
import { ReferenceAllocator } from '../src/references/reference-allocator';
import { IntakeDatabase } from './intake-database';

/** The relay is never started: tests read the outbox rows, and publishing is the relay's own tests' business. */
const unusedPublisher: EventPublisher = {
  publish: () => Promise.reject(new Error('the relay is not started in intake tests')),
};
const silentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Intake's complaint use cases wired as the service wires them, over a test database and the built-in policies. */
export function complaintUseCases(db: IntakeDatabase) {
  const ring = [{ id: 'test', secret: createSecretKey(randomBytes(32)) }];
  const keys = new ComplaintDataKeys(new PersonalDataCipher(ring));
  // The catalog's registry is all the use cases read; following the POLICIES stream is not under test here.
  const catalog = { registry: new PolicyRegistry(builtInPolicies()) } as PolicyCatalog;
  const unitOfWork = new UnitOfWork(
    db.orm,
    new Outbox('intake'),
    new OutboxRelay(db.orm, 'intake', unusedPublisher, new Topology(undefined), silentLogger),
  );
  const idempotency = new IdempotencyStore(24);
  const complaints = new SqlComplaintRepository();
  const history = new ComplaintHistory(keys);
  const changes = new ComplaintChanges(complaints, history);
  const lookup = new CustomerLookup(ring);
  const eraseComplaintData = new EraseComplaintData(keys, changes);
  return {
    catalog,
    submit: new SubmitComplaint(unitOfWork, catalog, keys, lookup, new ReferenceAllocator(), idempotency, complaints, changes),
    applyCommand: new ApplyLifecycleCommand(unitOfWork, catalog, keys, idempotency, complaints, changes),
    getCustomerContact: new GetCustomerContact(db.orm.em, keys, history),
    exportCustomerData: new ExportCustomerData(unitOfWork, lookup, keys, history, changes, complaints),
    erasePersonalData: new ErasePersonalData(unitOfWork, lookup, eraseComplaintData, complaints),
    setLegalHold: new SetLegalHold(unitOfWork, changes, complaints),
    retention: new RetentionErasure(unitOfWork, catalog, eraseComplaintData, complaints),
  };
}
