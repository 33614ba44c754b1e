import { z } from 'zod';
import { actorSchema } from '../envelope';
import { principalSchema } from '../principal';
import { complaintReferenceSchema, isoInstantSchema } from '../primitives';
import { defineRequest } from './request-contract';

/** A SHA-256 hash as the register shows it: 64 lowercase hex digits. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

const sequenceNumber = z.number().int().min(0);

/**
 * One register entry: an event as the register recorded it. `hash` is SHA-256 over the bytes
 * of `prevHash` and the canonical JSON of every field here but `hash` and `payload`
 * (ADR 0061); `seq` is the entry's leaf index in the Merkle tree. `payload` is the event's
 * data, whose canonical JSON `payloadDigest` hashes; null once purged.
 */
export const auditEntrySchema = z.strictObject({
  seq: sequenceNumber,
  eventId: z.uuid(),
  type: z.string(),
  version: z.number().int().positive(),
  occurredAt: isoInstantSchema,
  recordedAt: isoInstantSchema,
  complaintId: z.uuid().nullable(),
  reference: z.string().nullable(),
  policyId: z.string().nullable(),
  actor: actorSchema,
  payloadDigest: sha256HexSchema,
  prevHash: sha256HexSchema,
  hash: sha256HexSchema,
  payload: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * Another organisation's entry as an organisation's auditor sees it: no more than it takes to
 * verify the chain and every proof, which are the same for everyone.
 */
export const auditEntryStubSchema = z.strictObject({
  seq: auditEntrySchema.shape.seq,
  prevHash: sha256HexSchema,
  hash: sha256HexSchema,
});
export type AuditEntryStub = z.infer<typeof auditEntryStubSchema>;

/** A position in the register, from a `nextCursor`: the decimal seq of the next entry or tree size. */
export const registerCursorSchema = z.string().regex(/^\d{1,15}$/, 'must be a nextCursor from a previous page');

export const auditEntryFilterSchema = z.strictObject({
  complaintId: z.uuid({ error: 'must be a complaint id (UUID)' }).optional(),
  reference: complaintReferenceSchema.optional(),
  type: z.string().regex(/^[a-z]+(\.[a-z][a-z_-]*)+$/, 'must be an event type such as complaint.received').optional(),
  /** Entries whose event occurred at or after this instant. */
  from: isoInstantSchema.optional(),
  /** Entries whose event occurred before this instant. */
  to: isoInstantSchema.optional(),
});
export type AuditEntryFilter = z.infer<typeof auditEntryFilterSchema>;

export const listAuditEntriesRequestSchema = z.strictObject({
  principal: principalSchema,
  filter: auditEntryFilterSchema,
  cursor: registerCursorSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListAuditEntriesRequest = z.infer<typeof listAuditEntriesRequestSchema>;

export const auditEntryPageSchema = z.strictObject({
  items: z.array(z.union([auditEntrySchema, auditEntryStubSchema])),
  nextCursor: z.string().nullable(),
});
export type AuditEntryPage = z.infer<typeof auditEntryPageSchema>;

export const complaintAuditEntriesRequestSchema = z.strictObject({ principal: principalSchema, complaintId: z.uuid() });
export type ComplaintAuditEntriesRequest = z.infer<typeof complaintAuditEntriesRequestSchema>;

export const complaintAuditEntriesSchema = z.strictObject({
  complaintId: z.uuid(),
  items: z.array(auditEntrySchema),
});
export type ComplaintAuditEntries = z.infer<typeof complaintAuditEntriesSchema>;

/** A signed tree head: the C2SP checkpoint `note`, and what it states, for convenience. */
export const registerCheckpointSchema = z.strictObject({
  treeSize: sequenceNumber,
  rootHash: sha256HexSchema,
  signedAt: isoInstantSchema,
  note: z.string(),
});
export type RegisterCheckpoint = z.infer<typeof registerCheckpointSchema>;

export const latestCheckpointRequestSchema = z.strictObject({ principal: principalSchema });
export type LatestCheckpointRequest = z.infer<typeof latestCheckpointRequestSchema>;

export const listCheckpointsRequestSchema = z.strictObject({
  principal: principalSchema,
  cursor: registerCursorSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListCheckpointsRequest = z.infer<typeof listCheckpointsRequestSchema>;

export const checkpointPageSchema = z.strictObject({
  items: z.array(registerCheckpointSchema),
  nextCursor: z.string().nullable(),
});
export type CheckpointPage = z.infer<typeof checkpointPageSchema>;

export const publicKeyRequestSchema = z.strictObject({ principal: principalSchema });
export type PublicKeyRequest = z.infer<typeof publicKeyRequestSchema>;

/** The key checkpoints are signed with, and the C2SP verifier key string an auditor pins. */
export const registerPublicKeySchema = z.strictObject({
  name: z.string(),
  algorithm: z.literal('ed25519'),
  /** Base64 of the 32 raw public key bytes. */
  publicKey: z.string(),
  verifierKey: z.string(),
});
export type RegisterPublicKey = z.infer<typeof registerPublicKeySchema>;

export const inclusionProofRequestSchema = z.strictObject({
  principal: principalSchema,
  index: sequenceNumber,
  /** The tree the proof is against; the latest checkpoint's when absent. */
  treeSize: z.number().int().min(1).optional(),
});
export type InclusionProofRequest = z.infer<typeof inclusionProofRequestSchema>;

export const inclusionProofSchema = z.strictObject({
  index: sequenceNumber,
  treeSize: sequenceNumber,
  leafHash: sha256HexSchema,
  proof: z.array(sha256HexSchema),
  rootHash: sha256HexSchema,
});
export type InclusionProofView = z.infer<typeof inclusionProofSchema>;

export const consistencyProofRequestSchema = z.strictObject({
  principal: principalSchema,
  from: sequenceNumber,
  /** The later tree; the latest checkpoint's when absent. */
  to: sequenceNumber.optional(),
});
export type ConsistencyProofRequest = z.infer<typeof consistencyProofRequestSchema>;

export const consistencyProofSchema = z.strictObject({
  from: sequenceNumber,
  to: sequenceNumber,
  proof: z.array(sha256HexSchema),
  fromRoot: sha256HexSchema,
  toRoot: sha256HexSchema,
});
export type ConsistencyProofView = z.infer<typeof consistencyProofSchema>;

export const verifyRegisterRequestSchema = z.strictObject({
  principal: principalSchema,
  /** First seq to check. */
  from: sequenceNumber.default(0),
  /** Seq to stop before; bounded by the register's size and the most one request checks. */
  to: sequenceNumber.optional(),
});
export type VerifyRegisterRequest = z.infer<typeof verifyRegisterRequestSchema>;

export const REGISTER_BREAK_REASONS = [
  'seq',
  'prev-hash',
  'hash',
  'payload-digest',
  'tree-node',
  'checkpoint-root',
  'checkpoint-signature',
] as const;
export type RegisterBreakReason = (typeof REGISTER_BREAK_REASONS)[number];

export const registerVerificationSchema = z.strictObject({
  ok: z.boolean(),
  /** Entries checked: [from, from + checked). */
  checked: z.number().int().min(0),
  firstBroken: z.strictObject({ seq: sequenceNumber, reason: z.enum(REGISTER_BREAK_REASONS) }).nullable(),
});
export type RegisterVerification = z.infer<typeof registerVerificationSchema>;

/** What audit answers over request-reply: the register, its signed heads and proofs, for auditors. */
export const AuditRequests = {
  listEntries: defineRequest({
    pattern: 'audit.entries.list',
    request: listAuditEntriesRequestSchema,
    reply: auditEntryPageSchema,
  }),
  complaintEntries: defineRequest({
    pattern: 'audit.entries.complaint',
    request: complaintAuditEntriesRequestSchema,
    reply: complaintAuditEntriesSchema,
  }),
  latestCheckpoint: defineRequest({
    pattern: 'audit.checkpoints.latest',
    request: latestCheckpointRequestSchema,
    reply: registerCheckpointSchema,
  }),
  listCheckpoints: defineRequest({
    pattern: 'audit.checkpoints.list',
    request: listCheckpointsRequestSchema,
    reply: checkpointPageSchema,
  }),
  publicKey: defineRequest({ pattern: 'audit.public-key', request: publicKeyRequestSchema, reply: registerPublicKeySchema }),
  inclusionProof: defineRequest({
    pattern: 'audit.proofs.inclusion',
    request: inclusionProofRequestSchema,
    reply: inclusionProofSchema,
  }),
  consistencyProof: defineRequest({
    pattern: 'audit.proofs.consistency',
    request: consistencyProofRequestSchema,
    reply: consistencyProofSchema,
  }),
  verify: defineRequest({ pattern: 'audit.verify', request: verifyRegisterRequestSchema, reply: registerVerificationSchema }),
};
