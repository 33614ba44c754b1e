import { z } from 'zod';
import { CLOCK_IDS, ESCALATION_ACTIONS, TRIGGER_EVENTS } from './policy-vocabulary';
import { annotationFields } from './schema-primitives';

const levelSchema = z.strictObject({
  level: z.number().int().positive(),
  name: z.string().min(1),
  notifies: z.array(z.string().min(1)).min(1, { error: 'a level must notify someone' }),
});

const triggerSchema = z.strictObject({
  on: z.enum(TRIGGER_EVENTS),
  clock: z
    .enum(CLOCK_IDS)
    .optional()
    .meta({ description: 'for clock_warning/clock_breach; absent means any clock' }),
  action: z.enum(ESCALATION_ACTIONS),
  level: z.number().int().positive().optional().meta({ description: 'target level of escalate_to_level' }),
  ...annotationFields,
});

export const escalationSchema = z
  .strictObject({
    levels: z.array(levelSchema).min(1),
    triggers: z.array(triggerSchema).default([]),
    ...annotationFields,
  })
  .superRefine((escalation, ctx) => {
    escalation.levels.forEach((level, index) => {
      if (level.level !== index + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'level'],
          message: `levels must be numbered 1, 2, 3… in order; expected ${index + 1}`,
        });
      }
    });
    escalation.triggers.forEach((trigger, index) => {
      const isClockEvent = trigger.on === 'clock_warning' || trigger.on === 'clock_breach';
      if (trigger.clock !== undefined && !isClockEvent) {
        ctx.addIssue({
          code: 'custom',
          path: ['triggers', index, 'clock'],
          message: `${trigger.on} has no clock`,
        });
      }
      if (trigger.action === 'escalate_to_level') {
        if (trigger.level === undefined || trigger.level > escalation.levels.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['triggers', index, 'level'],
            message: `escalate_to_level needs a level between 1 and ${escalation.levels.length}`,
          });
        }
      } else if (trigger.level !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['triggers', index, 'level'],
          message: `level only applies to escalate_to_level`,
        });
      }
    });
  });

export type EscalationSpec = z.output<typeof escalationSchema>;
