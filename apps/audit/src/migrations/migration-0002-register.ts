import { Migration } from '@mikro-orm/migrations';

const APPEND_ONLY_TABLES = ['entries', 'tree_nodes', 'checkpoints'] as const;

/**
 * The register (ADR 0061): entries chained by hash, their payloads beside them so a payload
 * can be purged without breaking the chain, the Merkle tree's complete subtrees, and signed
 * checkpoints. `register_head` is one row that every append locks, so replicas append one at
 * a time and the chain never forks. Entries, nodes and checkpoints refuse UPDATE, DELETE and
 * TRUNCATE: only a superuser who disables the triggers can rewrite history, and the hashes
 * and signatures still show it.
 */
export class Migration0002Register extends Migration {
  override name = 'Migration0002Register';

  override up(): void {
    this.addSql(`create table audit.register_head (
      singleton boolean primary key default true check (singleton),
      size bigint not null,
      last_hash text not null
    )`);
    this.addSql(`insert into audit.register_head (singleton, size, last_hash) values (true, 0, '${'0'.repeat(64)}')`);
    this.addSql(`create table audit.entries (
      seq bigint primary key,
      event_id uuid not null unique,
      type text not null,
      version integer not null,
      occurred_at timestamptz not null,
      recorded_at timestamptz not null,
      complaint_id uuid,
      reference text,
      policy_id text,
      actor jsonb not null,
      payload_digest text not null,
      prev_hash text not null,
      hash text not null
    )`);
    this.addSql(`create index entries_by_complaint on audit.entries (complaint_id, seq) where complaint_id is not null`);
    this.addSql(`create index entries_by_reference on audit.entries (reference, seq) where reference is not null`);
    this.addSql(`create index entries_by_type on audit.entries (type, seq)`);
    this.addSql(`create index entries_by_occurrence on audit.entries (occurred_at, seq)`);
    this.addSql(`create table audit.entry_payloads (
      seq bigint primary key references audit.entries (seq),
      data jsonb not null
    )`);
    this.addSql(`create table audit.tree_nodes (
      level smallint not null,
      index bigint not null,
      hash bytea not null,
      primary key (level, index)
    )`);
    this.addSql(`create table audit.checkpoints (
      tree_size bigint primary key,
      root_hash bytea not null,
      signed_at timestamptz not null,
      note text not null
    )`);
    this.addSql(`create function audit.refuse_register_change() returns trigger language plpgsql as $$
      begin
        raise exception '% on audit.% refused: the register is append-only', tg_op, tg_table_name;
      end
    $$`);
    for (const table of APPEND_ONLY_TABLES) {
      this.addSql(`create trigger ${table}_append_only before update or delete on audit.${table}
        for each row execute function audit.refuse_register_change()`);
      this.addSql(`create trigger ${table}_no_truncate before truncate on audit.${table}
        for each statement execute function audit.refuse_register_change()`);
    }
  }
}
