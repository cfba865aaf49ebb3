/** Errors raised while events flow through the plan. */
export const RUN_CODES = {
  R001: { phase: 'run', message: "Error in '{command}' command: {reason}" },
} as const;
