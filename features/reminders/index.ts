// Reminders' public surface: the workflow (service.ts) and its mail form (mail.ts).
export { createReminders, type Reminders, type RemindersDeps, type RunSummary } from './service.js';
export { reminderMail } from './mail.js';
