import { Encoder, PacketType, type Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { TextEncoder } from '../../src/server/net/text-parser';

const PACKETS: Packet[] = [
  { type: PacketType.CONNECT, nsp: '/chokepoint', data: { sid: 'abc' } },
  { type: PacketType.CONNECT_ERROR, nsp: '/chokepoint', data: { message: 'no' } },
  { type: PacketType.DISCONNECT, nsp: '/chokepoint' },
  { type: PacketType.EVENT, nsp: '/', data: ['sync', 'm1', { state: { G: { a: [1, 'x'] } } }] },
  { type: PacketType.EVENT, nsp: '/chokepoint', data: ['patch', 'm1', 3, 4, [], []] },
  { type: PacketType.EVENT, nsp: '/chokepoint', id: 12, data: ['update', null, '<b>&</b>'] },
  { type: PacketType.ACK, nsp: '/chokepoint', id: 7, data: [{ ok: true, stateID: 9 }] },
];

describe('text-only socket.io encoder', () => {
  it.each(PACKETS.map((p) => [p.type, p] as const))(
    'writes packet type %s exactly as socket.io does',
    (_, packet) => {
      expect(new TextEncoder().encode(packet)).toEqual(new Encoder().encode(packet));
    },
  );

  it('refuses to send binary rather than garble it', () => {
    expect(() =>
      new TextEncoder().encode({ type: PacketType.BINARY_EVENT, nsp: '/', data: [] }),
    ).toThrow(/no binary/);
  });
});
