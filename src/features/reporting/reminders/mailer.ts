/** E-mail through SMTP (nodemailer), used only when SMTP_URL is set. @module */
import nodemailer from "nodemailer";
import type { SendMail } from "./reminders.service.ts";

export function smtpSender(url: string, from: string): SendMail {
  const transport = nodemailer.createTransport(url);
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}
