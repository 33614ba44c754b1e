import { Migration } from '@mikro-orm/migrations';

/**
 * One satisfaction survey per complaint resolution. No token is stored: links are derived
 * from the survey id with an HMAC key. The comment is the respondent's free text, kept
 * encrypted; the locale, reference and organisation are all feedback keeps of the complaint.
 */
export class Migration0002Surveys extends Migration {
  override name = 'Migration0002Surveys';

  override up(): void {
    this.addSql(`create table feedback.surveys (
      survey_id uuid primary key,
      complaint_id uuid not null,
      -- The complaint.resolved event the survey asks about: one survey per resolution.
      resolution_event_id uuid not null unique,
      organisation_id text,
      policy_id text not null,
      policy_version integer not null,
      reference text not null,
      locale text not null,
      scale_min integer not null,
      scale_max integer not null check (scale_max > scale_min),
      sent_at timestamptz not null,
      expires_at timestamptz,
      status text not null check (status in ('open', 'answered', 'expired')),
      answered_at timestamptz,
      score integer,
      verdict text check (verdict in ('satisfied', 'neutral', 'dissatisfied')),
      comment_key_id text,
      comment_ciphertext bytea,
      expired_at timestamptz,
      constraint surveys_answer_complete check ((status = 'answered') = (answered_at is not null and score is not null and verdict is not null)),
      constraint surveys_expiry_complete check ((status = 'expired') = (expired_at is not null))
    )`);
    this.addSql(`create index surveys_complaint on feedback.surveys (complaint_id, sent_at)`);
    this.addSql(`create index surveys_policy_sent on feedback.surveys (policy_id, sent_at)`);
    // The expiry sweep reads only open surveys whose window ends.
    this.addSql(`create index surveys_open_expiry on feedback.surveys (expires_at) where status = 'open' and expires_at is not null`);
  }
}
