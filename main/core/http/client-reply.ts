// placeholder: implemented with the front server
export interface ClientReply {
  readonly started: boolean;
}
