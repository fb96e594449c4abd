import { Decoder, PacketType, type Packet } from 'socket.io-parser';

/**
 * socket.io's packet encoder without its search for binary attachments, which walks every
 * outgoing payload: this server only ever sends JSON. The wire format is socket.io's own
 * (type, namespace, ack id, JSON), so stock clients read it unchanged; incoming packets go
 * through socket.io's own decoder.
 */
export class TextEncoder {
  encode(packet: Packet): string[] {
    let out = String(packet.type);
    if (packet.type === PacketType.BINARY_EVENT || packet.type === PacketType.BINARY_ACK)
      throw new Error('this server sends no binary packets');
    if (packet.nsp && packet.nsp !== '/') out += packet.nsp + ',';
    if (packet.id !== undefined && packet.id !== null) out += String(packet.id);
    if (packet.data !== undefined && packet.data !== null) out += JSON.stringify(packet.data);
    return [out];
  }
}

export const textParser = { Encoder: TextEncoder, Decoder };
