import { SurveyPageLocale } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { StatsQuery, Survey, SurveyAnswer, SurveyRepository, SurveyStatus } from './survey';
import { SurveyTally } from './survey-stats';
import { SurveyVerdict } from './survey-verdict';

interface SurveyRow {
  survey_id: string;
  complaint_id: string;
  resolution_event_id: string;
  resolved_at: Date;
  organisation_id: string | null;
  policy_id: string;
  policy_version: number;
  reference: string;
  locale: SurveyPageLocale;
  scale_min: number;
  scale_max: number;
  sent_at: Date;
  expires_at: Date | null;
  status: SurveyStatus;
  answered_at: Date | null;
  score: number | null;
  verdict: SurveyVerdict | null;
  comment_key_id: string | null;
  comment_ciphertext: Buffer | null;
}

const COLUMNS = `survey_id, complaint_id, resolution_event_id, resolved_at, organisation_id, policy_id, policy_version, reference, locale,
  scale_min, scale_max, sent_at, expires_at, status, answered_at, score, verdict, comment_key_id, comment_ciphertext`;

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

function toSurvey(row: SurveyRow): Survey {
  return {
    surveyId: row.survey_id,
    complaintId: row.complaint_id,
    resolutionEventId: row.resolution_event_id,
    resolvedAt: new Date(row.resolved_at),
    organisationId: row.organisation_id,
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    reference: row.reference,
    locale: row.locale,
    scale: { min: row.scale_min, max: row.scale_max },
    sentAt: new Date(row.sent_at),
    expiresAt: date(row.expires_at),
    status: row.status,
    answeredAt: date(row.answered_at),
    score: row.score,
    verdict: row.verdict,
    comment:
      row.comment_key_id !== null && row.comment_ciphertext !== null
        ? { keyId: row.comment_key_id, ciphertext: row.comment_ciphertext }
        : null,
  };
}

export class SqlSurveyRepository implements SurveyRepository {
  async lockComplaint(tx: EntityManager, complaintId: string): Promise<void> {
    // Two resolutions of one complaint on two replicas must not each leave the other's survey open.
    await executeSql(tx, `select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`feedback.surveys:${complaintId}`]);
  }

  async hasLaterResolution(tx: EntityManager, complaintId: string, resolvedAt: Date): Promise<boolean> {
    const rows = await executeSql(tx, `select 1 from feedback.surveys where complaint_id = ? and resolved_at > ? limit 1`, [
      complaintId,
      resolvedAt,
    ]);
    return rows.length > 0;
  }

  async create(tx: EntityManager, survey: Survey): Promise<boolean> {
    const superseded = survey.status === 'superseded';
    const inserted = await executeSql<{ survey_id: string }>(
      tx,
      `insert into feedback.surveys
         (survey_id, complaint_id, resolution_event_id, resolved_at, organisation_id, policy_id, policy_version, reference, locale,
          scale_min, scale_max, sent_at, expires_at, status, superseded_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (resolution_event_id) do nothing
       returning survey_id`,
      [
        survey.surveyId,
        survey.complaintId,
        survey.resolutionEventId,
        survey.resolvedAt,
        survey.organisationId,
        survey.policyId,
        survey.policyVersion,
        survey.reference,
        survey.locale,
        survey.scale.min,
        survey.scale.max,
        survey.sentAt,
        survey.expiresAt,
        superseded ? 'superseded' : 'open',
        superseded ? survey.sentAt : null,
      ],
    );
    return inserted.length > 0;
  }

  async supersedeEarlier(tx: EntityManager, complaintId: string, resolvedAt: Date, at: Date): Promise<void> {
    await executeSql(
      tx,
      `update feedback.surveys set status = 'superseded', superseded_at = ?
       where complaint_id = ? and status = 'open' and resolved_at < ?`,
      [at, complaintId, resolvedAt],
    );
  }

  async find(tx: EntityManager, surveyId: string): Promise<Survey | undefined> {
    const [row] = await executeSql<SurveyRow>(tx, `select ${COLUMNS} from feedback.surveys where survey_id = ?`, [surveyId]);
    return row && toSurvey(row);
  }

  async lock(tx: EntityManager, surveyId: string): Promise<Survey | undefined> {
    const [row] = await executeSql<SurveyRow>(tx, `select ${COLUMNS} from feedback.surveys where survey_id = ? for update`, [surveyId]);
    return row && toSurvey(row);
  }

  async recordAnswer(tx: EntityManager, surveyId: string, answer: SurveyAnswer): Promise<void> {
    await executeSql(
      tx,
      `update feedback.surveys set status = 'answered', answered_at = ?, score = ?, verdict = ?, comment_key_id = ?, comment_ciphertext = ?
       where survey_id = ? and status = 'open'`,
      [answer.answeredAt, answer.score, answer.verdict, answer.comment?.keyId ?? null, answer.comment?.ciphertext ?? null, surveyId],
    );
  }

  async lockExpiring(tx: EntityManager, now: Date, limit: number): Promise<Survey[]> {
    const rows = await executeSql<SurveyRow>(
      tx,
      `select ${COLUMNS} from feedback.surveys
       where status = 'open' and expires_at is not null and expires_at <= ?
       order by expires_at limit ? for update skip locked`,
      [now, limit],
    );
    return rows.map(toSurvey);
  }

  async markExpired(tx: EntityManager, surveyId: string, expiredAt: Date): Promise<void> {
    await executeSql(tx, `update feedback.surveys set status = 'expired', expired_at = ? where survey_id = ? and status = 'open'`, [
      expiredAt,
      surveyId,
    ]);
  }

  async eraseComments(tx: EntityManager, complaintId: string): Promise<void> {
    await executeSql(
      tx,
      'update feedback.surveys set comment_key_id = null, comment_ciphertext = null where complaint_id = ? and comment_ciphertext is not null',
      [complaintId],
    );
  }

  async ofComplaint(tx: EntityManager, complaintId: string): Promise<Survey[]> {
    const rows = await executeSql<SurveyRow>(
      tx,
      `select ${COLUMNS} from feedback.surveys where complaint_id = ? order by sent_at, survey_id`,
      [complaintId],
    );
    return rows.map(toSurvey);
  }

  async tallies(tx: EntityManager, query: StatsQuery): Promise<SurveyTally[]> {
    const rows = await executeSql<{
      period_start: Date;
      score: number | null;
      verdict: SurveyVerdict | null;
      scale_min: number;
      scale_max: number;
      surveys: string;
    }>(
      tx,
      `select date_trunc(?, sent_at at time zone 'UTC') at time zone 'UTC' as period_start,
              score, verdict, scale_min, scale_max, count(*) as surveys
       from feedback.surveys
       where policy_id = ? and sent_at >= ? and sent_at < ? and (?::text is null or organisation_id = ?)
         -- A superseded survey was replaced by a later one, not left unanswered: it counts for neither.
         and status <> 'superseded'
       group by 1, 2, 3, 4, 5`,
      [query.groupBy, query.policyId, query.from, query.to, query.organisationId, query.organisationId],
    );
    return rows.map((row) => ({
      periodStart: new Date(row.period_start),
      score: row.score,
      verdict: row.verdict,
      scale: { min: row.scale_min, max: row.scale_max },
      surveys: Number(row.surveys),
    }));
  }
}
