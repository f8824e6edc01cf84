// Caller and provider speak different dialects: translate the request, the answer and the stream.
import type { ClientReply } from '../../http/client-reply';
import type { ProxyRequest } from '../backend';
import type { SdkContext } from './sdk-context';
import { translationUnavailable } from './translator';

export async function translated(_ctx: SdkContext, request: ProxyRequest, _reply: ClientReply): Promise<void> {
  request.trace.note(`caller speaks ${request.dialect}, provider speaks ${request.model?.config.dialect}`);
  translationUnavailable();
}
