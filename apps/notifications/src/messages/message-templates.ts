import { MessageType } from '@complaints/domain';

/** The languages every message is written in; any other falls back (`chooseLocale`). */
export const SUPPORTED_LOCALES = ['en', 'fr', 'vi'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** One message in ICU MessageFormat: a subject (always with `{reference}`) and a plain-text body. */
export interface MessageTemplate {
  readonly subject: string;
  readonly text: string;
}

/** A step of a complaint's history, as a progress update lists it. */
export type HistoryStepType =
  | 'received'
  | 'acknowledged'
  | 'response'
  | 'info_requested'
  | 'customer_replied'
  | 'expected_date'
  | 'escalated'
  | 'reopened';

export interface LocaleTemplates {
  readonly messages: Readonly<Record<MessageType, MessageTemplate>>;
  /** One line per step, `{at}` its instant. */
  readonly steps: Readonly<Record<HistoryStepType, string>>;
}

/*
 * Arguments: every message has {name} (the customer's, customer messages only), {reference},
 * {organisation}, {hasNote} (yes/no) and {note} (the agent's own words). Dates arrive
 * formatted for the locale in the policy's zone. French uses typographic apostrophes (’):
 * ICU MessageFormat treats the ASCII apostrophe as a quote character.
 */

const en: LocaleTemplates = {
  messages: {
    received: {
      subject: 'We have received your complaint – reference {reference}',
      text: 'Dear {name},\n\nThank you for contacting {organisation}. We received your complaint on {receivedAt} and registered it under the reference {reference}. Please quote this reference whenever you contact us about it.\n\nWe will keep you informed at every step.\n\nKind regards,\n{organisation}',
    },
    acknowledged: {
      subject: 'Your complaint {reference} is being handled',
      text: 'Dear {name},\n\nWe confirm that your complaint {reference} has been acknowledged and is now being handled by our team. We will get back to you as soon as we can.\n\nKind regards,\n{organisation}',
    },
    response: {
      subject:
        '{responseType, select, first_reply {Our reply} interim {An interim reply} findings {Our findings} final {Our final reply} other {An update}} on your complaint {reference}',
      text: 'Dear {name},\n\n{responseType, select, first_reply {Here is our reply to your complaint {reference}.} interim {Here is an interim reply on your complaint {reference}; we are still working on it.} findings {Here are the findings of our investigation into your complaint {reference}.} final {Here is our final reply to your complaint {reference}.} other {Here is an update on your complaint {reference}.}}{hasNote, select, yes {\n\n{note}} other {}}\n\nKind regards,\n{organisation}',
    },
    info_requested: {
      subject: 'We need more information about your complaint {reference}',
      text: 'Dear {name},\n\nTo continue handling your complaint {reference}, we need some more information from you{hasNote, select, yes {:\n\n{note}} other {.}}\n\nPlease reply to this message, quoting your reference.\n\nKind regards,\n{organisation}',
    },
    expected_date: {
      subject: 'Expected resolution date for your complaint {reference}',
      text: 'Dear {name},\n\nYour complaint {reference} needs a closer look than usual. We expect to resolve it by {expectedAt}.{hasNote, select, yes {\n\n{note}} other {}}\n\nWe will keep you informed in the meantime.\n\nKind regards,\n{organisation}',
    },
    resolved: {
      subject: 'Your complaint {reference} has been resolved',
      text: 'Dear {name},\n\nWe have resolved your complaint {reference}.{hasNote, select, yes {\n\n{note}} other {}}{hasSurvey, select, yes {\n\nWere you satisfied with the way we handled it? Please tell us in a short survey{hasExpiry, select, yes { before {surveyExpiresAt}} other {}}:\n{surveyUrl}} other {}}\n\nKind regards,\n{organisation}',
    },
    closed: {
      subject: 'Your complaint {reference} is closed',
      text: 'Dear {name},\n\nYour complaint {reference} is now closed{reason, select, confirmed {, as you confirmed it was resolved} no_response {, as we have not heard back from you} non_cooperation {, as we did not receive the information we needed to continue} stale {, as the events are too old for us to investigate further} withdrawn {, as you withdrew it} other {}}.{hasNote, select, yes {\n\n{note}} other {}}\n\nIf you have any question, please reply quoting your reference.\n\nKind regards,\n{organisation}',
    },
    closure_withdrawn: {
      subject: 'Your complaint {reference} is open again',
      text: 'Dear {name},\n\nWe recently told you that your complaint {reference} was closed. That closure was a mistake: our records show that the deadline it relied on had in fact been met. Your complaint is open again and we are continuing to handle it; there is nothing you need to do.\n\nPlease accept our apologies for the confusion.\n\nKind regards,\n{organisation}',
    },
    escalated: {
      subject: 'Your complaint {reference} has been passed on for further review',
      text: 'Dear {name},\n\nYour complaint {reference} has been passed to the next level of our complaints process ({levelName}), who will look into it further. There is nothing you need to do.\n\nKind regards,\n{organisation}',
    },
    progress_update: {
      subject: 'Update on your complaint {reference}',
      text: 'Dear {name},\n\nHere is where your complaint {reference} stands. We are still working on it; so far:\n\n{steps}\n\nWe will write again as soon as there is news.\n\nKind regards,\n{organisation}',
    },
    team_escalation: {
      subject: '[{reference}] Complaint escalated to level {level}: {levelName}',
      text: 'Complaint {reference} (policy {policyId}) has reached level {level}, {levelName}{trigger, select, clock_breach {, because its {metric} deadline was missed} clock_warning {, because its {metric} deadline is near} manual {, at an agent’s request} dissatisfied_survey {, because the customer said they were dissatisfied} other {}}.\n\nIn the API: /v1/complaints/{complaintId}',
    },
    team_alert: {
      subject: '[{reference}] {trigger, select, clock_breach {Deadline missed} other {Deadline approaching}}: {metric}',
      text: 'Complaint {reference} (policy {policyId}, level {level}, {levelName}): {trigger, select, clock_breach {its {metric} deadline was missed.} other {its {metric} deadline is near.}}\n\nIn the API: /v1/complaints/{complaintId}',
    },
  },
  steps: {
    received: '{at}: we received your complaint',
    acknowledged: '{at}: we acknowledged it and started work',
    response:
      '{at}: we sent you {responseType, select, first_reply {our first reply} interim {an interim reply} findings {our findings} final {our final reply} other {an update}}',
    info_requested: '{at}: we asked you for more information',
    customer_replied: '{at}: we received your reply',
    expected_date: '{at}: we set an expected resolution date of {expectedAt}',
    escalated: '{at}: it was passed to {levelName}',
    reopened: '{at}: it was reopened',
  },
};

const fr: LocaleTemplates = {
  messages: {
    received: {
      subject: 'Nous avons bien reçu votre réclamation – référence {reference}',
      text: 'Bonjour {name},\n\nMerci d’avoir contacté {organisation}. Nous avons bien reçu votre réclamation le {receivedAt} et l’avons enregistrée sous la référence {reference}. Merci de rappeler cette référence dans tous vos échanges avec nous à ce sujet.\n\nNous vous tiendrons informé(e) de chaque étape.\n\nCordialement,\n{organisation}',
    },
    acknowledged: {
      subject: 'Votre réclamation {reference} est prise en charge',
      text: 'Bonjour {name},\n\nNous accusons réception de votre réclamation {reference} : elle est désormais prise en charge par notre équipe. Nous reviendrons vers vous dans les meilleurs délais.\n\nCordialement,\n{organisation}',
    },
    response: {
      subject:
        '{responseType, select, first_reply {Notre réponse} interim {Une réponse d’attente} findings {Nos conclusions} final {Notre réponse définitive} other {Des nouvelles}} concernant votre réclamation {reference}',
      text: 'Bonjour {name},\n\n{responseType, select, first_reply {Voici notre réponse à votre réclamation {reference}.} interim {Voici une réponse d’attente concernant votre réclamation {reference} ; nous poursuivons son traitement.} findings {Voici les conclusions de notre examen de votre réclamation {reference}.} final {Voici notre réponse définitive à votre réclamation {reference}.} other {Voici où en est votre réclamation {reference}.}}{hasNote, select, yes {\n\n{note}} other {}}\n\nCordialement,\n{organisation}',
    },
    info_requested: {
      subject: 'Informations complémentaires nécessaires pour votre réclamation {reference}',
      text: 'Bonjour {name},\n\nPour poursuivre le traitement de votre réclamation {reference}, nous avons besoin de précisions de votre part{hasNote, select, yes { :\n\n{note}} other {.}}\n\nIl vous suffit de répondre à ce message en rappelant votre référence.\n\nCordialement,\n{organisation}',
    },
    expected_date: {
      subject: 'Date de résolution prévue pour votre réclamation {reference}',
      text: 'Bonjour {name},\n\nVotre réclamation {reference} demande un examen approfondi. Nous prévoyons de la résoudre d’ici le {expectedAt}.{hasNote, select, yes {\n\n{note}} other {}}\n\nNous vous tiendrons informé(e) d’ici là.\n\nCordialement,\n{organisation}',
    },
    resolved: {
      subject: 'Votre réclamation {reference} a été traitée',
      text: 'Bonjour {name},\n\nNous avons traité votre réclamation {reference}.{hasNote, select, yes {\n\n{note}} other {}}{hasSurvey, select, yes {\n\nÊtes-vous satisfait(e) de la façon dont nous l’avons traitée ? Dites-le-nous en répondant à un court questionnaire{hasExpiry, select, yes { avant le {surveyExpiresAt}} other {}} :\n{surveyUrl}} other {}}\n\nCordialement,\n{organisation}',
    },
    closed: {
      subject: 'Votre réclamation {reference} est close',
      text: 'Bonjour {name},\n\nVotre réclamation {reference} est désormais close{reason, select, confirmed {, puisque vous nous avez confirmé qu’elle était résolue} no_response {, faute de réponse de votre part} non_cooperation {, faute d’avoir reçu les informations nécessaires pour la poursuivre} stale {, les faits étant trop anciens pour être examinés} withdrawn {, à votre demande} other {}}.{hasNote, select, yes {\n\n{note}} other {}}\n\nPour toute question, répondez à ce message en rappelant votre référence.\n\nCordialement,\n{organisation}',
    },
    closure_withdrawn: {
      subject: 'Votre réclamation {reference} est à nouveau ouverte',
      text: 'Bonjour {name},\n\nNous vous avons récemment indiqué que votre réclamation {reference} était close. Cette clôture était une erreur : nos dossiers montrent que le délai sur lequel elle reposait avait bien été respecté. Votre réclamation est à nouveau ouverte et nous poursuivons son traitement ; vous n’avez rien à faire.\n\nNous vous prions de bien vouloir nous excuser pour ce désagrément.\n\nCordialement,\n{organisation}',
    },
    escalated: {
      subject: 'Votre réclamation {reference} est transmise pour un examen approfondi',
      text: 'Bonjour {name},\n\nVotre réclamation {reference} a été transmise à l’échelon suivant de notre traitement des réclamations ({levelName}), qui va l’examiner plus en détail. Vous n’avez rien à faire.\n\nCordialement,\n{organisation}',
    },
    progress_update: {
      subject: 'Point d’étape sur votre réclamation {reference}',
      text: 'Bonjour {name},\n\nVoici où en est votre réclamation {reference}. Elle est toujours en cours de traitement ; à ce jour :\n\n{steps}\n\nNous vous écrirons dès qu’il y aura du nouveau.\n\nCordialement,\n{organisation}',
    },
    team_escalation: {
      subject: '[{reference}] Réclamation transmise au niveau {level} : {levelName}',
      text: 'La réclamation {reference} (politique {policyId}) est passée au niveau {level}, {levelName}{trigger, select, clock_breach {, car l’échéance {metric} est dépassée} clock_warning {, car l’échéance {metric} approche} manual {, à la demande d’un agent} dissatisfied_survey {, car le client s’est déclaré insatisfait} other {}}.\n\nDans l’API : /v1/complaints/{complaintId}',
    },
    team_alert: {
      subject: '[{reference}] {trigger, select, clock_breach {Échéance dépassée} other {Échéance proche}} : {metric}',
      text: 'Réclamation {reference} (politique {policyId}, niveau {level}, {levelName}) : {trigger, select, clock_breach {l’échéance {metric} est dépassée.} other {l’échéance {metric} approche.}}\n\nDans l’API : /v1/complaints/{complaintId}',
    },
  },
  steps: {
    received: '{at} : réception de votre réclamation',
    acknowledged: '{at} : prise en charge de votre réclamation',
    response:
      '{at} : envoi de {responseType, select, first_reply {notre première réponse} interim {une réponse d’attente} findings {nos conclusions} final {notre réponse définitive} other {nouvelles}}',
    info_requested: '{at} : demande d’informations complémentaires',
    customer_replied: '{at} : réception de votre réponse',
    expected_date: '{at} : date de résolution prévue fixée au {expectedAt}',
    escalated: '{at} : transmission à l’échelon « {levelName} »',
    reopened: '{at} : réouverture de votre réclamation',
  },
};

const vi: LocaleTemplates = {
  messages: {
    received: {
      subject: 'Chúng tôi đã nhận được khiếu nại của Quý khách – mã số {reference}',
      text: 'Kính gửi Quý khách {name},\n\nCảm ơn Quý khách đã liên hệ với {organisation}. Chúng tôi đã nhận được khiếu nại của Quý khách vào {receivedAt} và ghi nhận với mã số {reference}. Quý khách vui lòng cung cấp mã số này mỗi khi liên hệ với chúng tôi về khiếu nại này.\n\nChúng tôi sẽ thông báo cho Quý khách về từng bước xử lý.\n\nTrân trọng,\n{organisation}',
    },
    acknowledged: {
      subject: 'Khiếu nại {reference} của Quý khách đang được xử lý',
      text: 'Kính gửi Quý khách {name},\n\nChúng tôi xác nhận đã tiếp nhận khiếu nại {reference} của Quý khách và đang tiến hành xử lý. Chúng tôi sẽ phản hồi Quý khách trong thời gian sớm nhất.\n\nTrân trọng,\n{organisation}',
    },
    response: {
      subject:
        '{responseType, select, first_reply {Phản hồi} interim {Phản hồi tạm thời} findings {Kết quả xác minh} final {Phản hồi chính thức} other {Cập nhật}} về khiếu nại {reference}',
      text: 'Kính gửi Quý khách {name},\n\n{responseType, select, first_reply {Chúng tôi xin phản hồi khiếu nại {reference} của Quý khách như sau.} interim {Khiếu nại {reference} của Quý khách vẫn đang được xử lý; chúng tôi xin gửi Quý khách phản hồi tạm thời.} findings {Chúng tôi xin thông báo kết quả xác minh khiếu nại {reference} của Quý khách.} final {Chúng tôi xin gửi Quý khách phản hồi chính thức về khiếu nại {reference}.} other {Chúng tôi xin cập nhật tình hình xử lý khiếu nại {reference} của Quý khách.}}{hasNote, select, yes {\n\n{note}} other {}}\n\nTrân trọng,\n{organisation}',
    },
    info_requested: {
      subject: 'Đề nghị bổ sung thông tin cho khiếu nại {reference}',
      text: 'Kính gửi Quý khách {name},\n\nĐể tiếp tục xử lý khiếu nại {reference}, chúng tôi cần Quý khách cung cấp thêm thông tin{hasNote, select, yes {:\n\n{note}} other {.}}\n\nQuý khách vui lòng trả lời thư này và ghi rõ mã số khiếu nại.\n\nTrân trọng,\n{organisation}',
    },
    expected_date: {
      subject: 'Thời hạn dự kiến giải quyết khiếu nại {reference}',
      text: 'Kính gửi Quý khách {name},\n\nKhiếu nại {reference} của Quý khách cần thêm thời gian để xem xét kỹ lưỡng. Chúng tôi dự kiến giải quyết xong trước {expectedAt}.{hasNote, select, yes {\n\n{note}} other {}}\n\nChúng tôi sẽ tiếp tục cập nhật cho Quý khách trong thời gian này.\n\nTrân trọng,\n{organisation}',
    },
    resolved: {
      subject: 'Khiếu nại {reference} của Quý khách đã được giải quyết',
      text: 'Kính gửi Quý khách {name},\n\nChúng tôi xin thông báo khiếu nại {reference} của Quý khách đã được giải quyết.{hasNote, select, yes {\n\n{note}} other {}}{hasSurvey, select, yes {\n\nQuý khách có hài lòng với cách chúng tôi xử lý không? Xin Quý khách cho chúng tôi biết qua một khảo sát ngắn{hasExpiry, select, yes { trước {surveyExpiresAt}} other {}}:\n{surveyUrl}} other {}}\n\nTrân trọng,\n{organisation}',
    },
    closed: {
      subject: 'Khiếu nại {reference} của Quý khách đã được đóng',
      text: 'Kính gửi Quý khách {name},\n\nKhiếu nại {reference} của Quý khách đã được đóng{reason, select, confirmed {, theo xác nhận của Quý khách rằng vấn đề đã được giải quyết} no_response {, do chúng tôi chưa nhận được phản hồi từ Quý khách} non_cooperation {, do chúng tôi chưa nhận được thông tin cần thiết để tiếp tục xử lý} stale {, do sự việc đã quá thời hạn xem xét} withdrawn {, theo yêu cầu rút khiếu nại của Quý khách} other {}}.{hasNote, select, yes {\n\n{note}} other {}}\n\nNếu có thắc mắc, Quý khách vui lòng trả lời thư này và ghi rõ mã số khiếu nại.\n\nTrân trọng,\n{organisation}',
    },
    closure_withdrawn: {
      subject: 'Khiếu nại {reference} của Quý khách đã được mở lại',
      text: 'Kính gửi Quý khách {name},\n\nGần đây chúng tôi đã thông báo khiếu nại {reference} của Quý khách đã được đóng. Việc đóng khiếu nại này là do nhầm lẫn: hồ sơ của chúng tôi cho thấy thời hạn làm căn cứ đóng khiếu nại thực tế đã được đáp ứng. Khiếu nại của Quý khách đã được mở lại và chúng tôi đang tiếp tục xử lý; Quý khách không cần thực hiện thêm thao tác nào.\n\nChúng tôi thành thật xin lỗi Quý khách vì sự bất tiện này.\n\nTrân trọng,\n{organisation}',
    },
    escalated: {
      subject: 'Khiếu nại {reference} đã được chuyển lên cấp xử lý cao hơn',
      text: 'Kính gửi Quý khách {name},\n\nKhiếu nại {reference} của Quý khách đã được chuyển lên cấp xử lý tiếp theo ({levelName}) để xem xét kỹ hơn. Quý khách không cần thực hiện thêm thao tác nào.\n\nTrân trọng,\n{organisation}',
    },
    progress_update: {
      subject: 'Cập nhật tình hình xử lý khiếu nại {reference}',
      text: 'Kính gửi Quý khách {name},\n\nKhiếu nại {reference} của Quý khách vẫn đang được xử lý. Các bước đã thực hiện đến nay:\n\n{steps}\n\nChúng tôi sẽ liên hệ lại ngay khi có thông tin mới.\n\nTrân trọng,\n{organisation}',
    },
    team_escalation: {
      subject: '[{reference}] Khiếu nại được chuyển lên cấp {level}: {levelName}',
      text: 'Khiếu nại {reference} (chính sách {policyId}) đã được chuyển lên cấp {level}, {levelName}{trigger, select, clock_breach {, do đã quá hạn {metric}} clock_warning {, do sắp đến hạn {metric}} manual {, theo yêu cầu của nhân viên xử lý} dissatisfied_survey {, do khách hàng không hài lòng} other {}}.\n\nTrong API: /v1/complaints/{complaintId}',
    },
    team_alert: {
      subject: '[{reference}] {trigger, select, clock_breach {Đã quá hạn} other {Sắp đến hạn}}: {metric}',
      text: 'Khiếu nại {reference} (chính sách {policyId}, cấp {level}, {levelName}): {trigger, select, clock_breach {đã quá hạn {metric}.} other {sắp đến hạn {metric}.}}\n\nTrong API: /v1/complaints/{complaintId}',
    },
  },
  steps: {
    received: '{at}: tiếp nhận khiếu nại của Quý khách',
    acknowledged: '{at}: xác nhận và bắt đầu xử lý',
    response:
      '{at}: gửi Quý khách {responseType, select, first_reply {phản hồi đầu tiên} interim {phản hồi tạm thời} findings {kết quả xác minh} final {phản hồi chính thức} other {thông tin cập nhật}}',
    info_requested: '{at}: đề nghị Quý khách bổ sung thông tin',
    customer_replied: '{at}: nhận được phản hồi của Quý khách',
    expected_date: '{at}: thông báo thời hạn dự kiến giải quyết {expectedAt}',
    escalated: '{at}: chuyển lên {levelName}',
    reopened: '{at}: mở lại khiếu nại',
  },
};

export const BUILT_IN_TEMPLATES: Readonly<Record<SupportedLocale, LocaleTemplates>> = { en, fr, vi };
