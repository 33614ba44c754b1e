import { waitFor } from '@complaints/testing';
import { Client } from 'pg';
import { ApiClient, expectStatus } from './api-client';
import { API_KEYS } from './running-system';

/* What the SLA tests look at: the clocks through the API, and sla's own timers and outbox rows through the database. */

export interface ClockView {
  metric: string;
  status: string;
  startedAt: string | null;
  dueAt: string | null;
  warnAt: string | null;
  metAt: string | null;
  breachedAt: string | null;
  explanation: string;
}

export type Clocks = Record<string, ClockView>;

export const iso = (instant: number): string => new Date(instant).toISOString();

export async function clocksOf(api: ApiClient, complaintId: string): Promise<Clocks> {
  const response = await api.get(API_KEYS.agent, `/v1/complaints/${complaintId}/sla`);
  if (response.status !== 200) return {};
  return Object.fromEntries((response.body.clocks as ClockView[]).map((clock) => [clock.metric, clock]));
}

/** Polls the clocks until `ready` holds for them. */
export function waitForClocks(
  api: ApiClient,
  complaintId: string,
  what: string,
  ready: (clocks: Clocks) => boolean,
  timeoutMs = 20_000,
): Promise<Clocks> {
  return waitFor(
    what,
    async () => {
      const clocks = await clocksOf(api, complaintId);
      return ready(clocks) && clocks;
    },
    timeoutMs,
    100,
  );
}

/** The instants of a clock as epoch milliseconds (null stays null), so expectations compare numbers, not ISO spellings. */
export function instantsOf(clock: ClockView | undefined): Record<string, unknown> {
  if (!clock) return {};
  const ms = (value: string | null) => (value === null ? null : Date.parse(value));
  return {
    status: clock.status,
    startedAt: ms(clock.startedAt),
    dueAt: ms(clock.dueAt),
    warnAt: ms(clock.warnAt),
    metAt: ms(clock.metAt),
    breachedAt: ms(clock.breachedAt),
  };
}

export interface SlaEventRow {
  type: string;
  data: Record<string, unknown>;
}

/** The events sla appended to its outbox about a complaint, oldest first. */
export async function slaEventsOf(db: Client, complaintId: string): Promise<SlaEventRow[]> {
  const { rows } = await db.query<{ payload: { type: string; data: Record<string, unknown> } }>(
    `select payload from sla.outbox where complaint_id = $1 order by created_at`,
    [complaintId],
  );
  return rows.map((row) => ({ type: row.payload.type, data: row.payload.data }));
}

export interface TimerView {
  kind: string;
  subject_key: string;
  due_at: Date;
  fired_at: Date | null;
  cancelled_at: Date | null;
  late: boolean | null;
  lag_ms: string | null;
}

export async function timersOf(db: Client, complaintId: string): Promise<TimerView[]> {
  const { rows } = await db.query<TimerView>(
    `select kind, subject_key, due_at, fired_at, cancelled_at, late, lag_ms from sla.timers where complaint_id = $1 order by due_at, id`,
    [complaintId],
  );
  return rows;
}

/** The agent's timeline of a complaint. */
export async function timelineOf(api: ApiClient, complaintId: string): Promise<{ type: string; occurredAt: string; data: Record<string, unknown> }[]> {
  const response = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${complaintId}/timeline`), 200);
  return response.body.entries;
}

export async function createComplaint(api: ApiClient, body: Record<string, unknown>): Promise<string> {
  const created = expectStatus(await api.create(API_KEYS.agent, body), 201);
  return created.body.id as string;
}

export async function command(api: ApiClient, complaintId: string, action: string, body: unknown = {}): Promise<void> {
  expectStatus(await api.command(API_KEYS.agent, complaintId, action, body), 200);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
