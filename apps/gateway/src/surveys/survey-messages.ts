import { SurveyPageLocale } from '@complaints/contracts';

/** Every text of the survey pages in one language; the compiler checks each language has them all. */
export interface SurveyMessages {
  readonly surveyTitle: string;
  readonly question: string;
  readonly reference: (reference: string) => string;
  readonly scoreLegend: string;
  /** The words of a 5-point scale, lowest first; other scales name only their ends. */
  readonly fivePointLabels: readonly [string, string, string, string, string];
  readonly lowestLabel: string;
  readonly highestLabel: string;
  readonly commentLabel: string;
  readonly commentHint: (max: string) => string;
  readonly submit: string;
  readonly errorTitlePrefix: string;
  readonly errorSummary: string;
  readonly chooseScore: (min: number, max: number) => string;
  readonly commentTooLong: (max: string) => string;
  readonly formChanged: string;
  readonly tooLarge: (max: string) => string;
  readonly thanksTitle: string;
  readonly thanksBody: (organisation: string) => string;
  readonly answeredTitle: string;
  readonly answeredBody: string;
  readonly notFoundTitle: string;
  readonly notFoundBody: string;
  readonly unavailableTitle: string;
  readonly unavailableBody: string;
  readonly tooManyTitle: string;
  readonly tooManyBody: string;
}

const en: SurveyMessages = {
  surveyTitle: 'Satisfaction survey',
  question: 'Are you satisfied with how your complaint was resolved?',
  reference: (reference) => `Complaint reference: ${reference}`,
  scoreLegend: 'Your answer',
  fivePointLabels: ['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied'],
  lowestLabel: 'Very dissatisfied',
  highestLabel: 'Very satisfied',
  commentLabel: 'Anything you would like to add? (optional)',
  commentHint: (max) => `Up to ${max} characters.`,
  submit: 'Send my answer',
  errorTitlePrefix: 'Error: ',
  errorSummary: 'Your answer could not be sent',
  chooseScore: (min, max) => `Choose one of the answers, from ${min} to ${max}.`,
  commentTooLong: (max) => `Your comment must be ${max} characters or fewer.`,
  formChanged: 'The form was changed before it was sent. Please answer again.',
  tooLarge: (max) => `Your answer was too long to send. Keep your comment to ${max} characters or fewer.`,
  thanksTitle: 'Thank you',
  thanksBody: (organisation) => `Your answer has been recorded. ${organisation} will take it into account.`,
  answeredTitle: 'You have already answered',
  answeredBody: 'This survey has already been answered. Only the first answer counts.',
  notFoundTitle: 'This survey link cannot be used',
  notFoundBody:
    'The link may have expired, or it may be incomplete. If you copied it from the email, check that you copied all of it.',
  unavailableTitle: 'The survey is not available right now',
  unavailableBody: 'Please try again in a few minutes.',
  tooManyTitle: 'Too many attempts',
  tooManyBody: 'Please wait a minute, then try again.',
};

// French puts a narrow no-break space before ? and : (U+202F), and a no-break space in 2 000.
const fr: SurveyMessages = {
  surveyTitle: 'Enquête de satisfaction',
  question: 'Êtes-vous satisfait(e) de la manière dont votre réclamation a été résolue\u202f?',
  reference: (reference) => `Référence de la réclamation\u202f: ${reference}`,
  scoreLegend: 'Votre réponse',
  fivePointLabels: ['Très insatisfait(e)', 'Insatisfait(e)', 'Ni satisfait(e) ni insatisfait(e)', 'Satisfait(e)', 'Très satisfait(e)'],
  lowestLabel: 'Très insatisfait(e)',
  highestLabel: 'Très satisfait(e)',
  commentLabel: 'Souhaitez-vous ajouter quelque chose\u202f? (facultatif)',
  commentHint: (max) => `${max} caractères au maximum.`,
  submit: 'Envoyer ma réponse',
  errorTitlePrefix: 'Erreur\u202f: ',
  errorSummary: 'Votre réponse n’a pas pu être envoyée',
  chooseScore: (min, max) => `Choisissez l’une des réponses, de ${min} à ${max}.`,
  commentTooLong: (max) => `Votre commentaire ne doit pas dépasser ${max} caractères.`,
  formChanged: 'Le formulaire a été modifié avant son envoi. Merci de répondre à nouveau.',
  tooLarge: (max) => `Votre réponse était trop longue pour être envoyée. Limitez votre commentaire à ${max} caractères.`,
  thanksTitle: 'Merci',
  thanksBody: (organisation) => `Votre réponse a bien été enregistrée. ${organisation} en tiendra compte.`,
  answeredTitle: 'Vous avez déjà répondu',
  answeredBody: 'Cette enquête a déjà reçu une réponse. Seule la première réponse est prise en compte.',
  notFoundTitle: 'Ce lien d’enquête ne peut pas être utilisé',
  notFoundBody:
    'Le lien a peut-être expiré, ou il est incomplet. Si vous l’avez copié depuis l’e-mail, vérifiez que vous l’avez copié en entier.',
  unavailableTitle: 'L’enquête n’est pas disponible pour le moment',
  unavailableBody: 'Merci de réessayer dans quelques minutes.',
  tooManyTitle: 'Trop de tentatives',
  tooManyBody: 'Merci de patienter une minute avant de réessayer.',
};

const vi: SurveyMessages = {
  surveyTitle: 'Khảo sát mức độ hài lòng',
  question: 'Quý khách có hài lòng với cách khiếu nại của mình được giải quyết không?',
  reference: (reference) => `Mã khiếu nại: ${reference}`,
  scoreLegend: 'Câu trả lời của quý khách',
  fivePointLabels: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
  lowestLabel: 'Rất không hài lòng',
  highestLabel: 'Rất hài lòng',
  commentLabel: 'Quý khách có muốn góp ý thêm không? (không bắt buộc)',
  commentHint: (max) => `Tối đa ${max} ký tự.`,
  submit: 'Gửi câu trả lời',
  errorTitlePrefix: 'Lỗi: ',
  errorSummary: 'Chưa gửi được câu trả lời của quý khách',
  chooseScore: (min, max) => `Vui lòng chọn một câu trả lời, từ ${min} đến ${max}.`,
  commentTooLong: (max) => `Góp ý không được dài quá ${max} ký tự.`,
  formChanged: 'Biểu mẫu đã bị thay đổi trước khi gửi. Vui lòng trả lời lại.',
  tooLarge: (max) => `Câu trả lời quá dài nên không gửi được. Vui lòng rút gọn góp ý xuống tối đa ${max} ký tự.`,
  thanksTitle: 'Xin cảm ơn quý khách',
  thanksBody: (organisation) => `Câu trả lời của quý khách đã được ghi nhận. ${organisation} sẽ xem xét ý kiến này.`,
  answeredTitle: 'Quý khách đã trả lời khảo sát này',
  answeredBody: 'Khảo sát này đã có câu trả lời. Chỉ câu trả lời đầu tiên được ghi nhận.',
  notFoundTitle: 'Không thể sử dụng liên kết khảo sát này',
  notFoundBody:
    'Liên kết có thể đã hết hạn hoặc không đầy đủ. Nếu quý khách sao chép liên kết từ email, vui lòng kiểm tra xem đã sao chép toàn bộ liên kết chưa.',
  unavailableTitle: 'Khảo sát tạm thời không khả dụng',
  unavailableBody: 'Vui lòng thử lại sau ít phút.',
  tooManyTitle: 'Quá nhiều lần thử',
  tooManyBody: 'Vui lòng đợi một phút rồi thử lại.',
};

export const SURVEY_MESSAGES: Readonly<Record<SurveyPageLocale, SurveyMessages>> = { en, fr, vi };

/** A number as the language writes it (2,000 · 2 000 · 2.000). */
export function formatCount(locale: SurveyPageLocale, count: number): string {
  return new Intl.NumberFormat(locale).format(count);
}
