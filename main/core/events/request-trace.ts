// placeholder: implemented with the event log
export interface RequestTrace {
  readonly id: string;
}
