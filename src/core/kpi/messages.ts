import { messagesOf } from '../i18n/messages.js';

/** Warnings and notes of the KPI reader, in the three languages. */
export const km = messagesOf((c) => c.kpi.messages);
