import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/**
 * The reference prefix of a policy: its id in capitals without dashes, at most 10
 * characters (`imolocale` → `IMOLOCALE`, `fca-disp` → `FCADISP`), so a reference says which
 * policy a complaint follows.
 */
export function referencePrefixFor(policyId: string): string {
  return policyId.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 10);
}

/**
 * Issues `<PREFIX>-<year>-<6+ digits>` references, one sequence per prefix and year. The
 * counter row is incremented inside the caller's transaction: concurrent complaints queue on
 * that row, and a rolled-back complaint gives its number back, so references have neither
 * gaps nor duplicates.
 */
@Injectable()
export class ReferenceAllocator {
  async next(tx: EntityManager, sequence: { prefix: string; year: number }): Promise<string> {
    if (!tx.isInTransaction()) throw new Error('references are allocated inside the transaction that stores the complaint');
    const [row] = await executeSql<{ last_value: string }>(
      tx,
      `insert into intake.reference_counters (prefix, year, last_value) values (?, ?, 1)
       on conflict (prefix, year) do update set last_value = intake.reference_counters.last_value + 1
       returning last_value`,
      [sequence.prefix, sequence.year],
    );
    // bigint arrives as a string; it is only formatted, so it is never narrowed to a number.
    return `${sequence.prefix}-${sequence.year}-${row.last_value.padStart(6, '0')}`;
  }
}
