/**
 * The live channel in the browser: one WebSocket per open negotiation. Each event the
 * server sends (only what this viewer may see) refreshes the negotiation's cached data, so
 * others' changes appear without a reload, and is kept in a short list the shell shows as
 * "just now". The cursor (largest seq seen) makes a reconnect miss nothing and repeat nothing.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { LiveServerMessage, type LiveEvent } from '../../../src/protocol/live.schema.ts';

export type LiveStatus = 'connecting' | 'live' | 'offline';

interface LiveState {
  status: LiveStatus;
  recent: LiveEvent[];
  headSeq: number;
}

const LiveContext = createContext<LiveState>({ status: 'offline', recent: [], headSeq: 0 });
export const useLive = () => useContext(LiveContext);

const RECENT_MAX = 20;

/** `startAfter`: the head seq the page's data was read at (the overview's headSeq). */
export function LiveProvider({ negotiationId, startAfter, children }: { negotiationId: string; startAfter: number; children: React.ReactNode }) {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>({ status: 'connecting', recent: [], headSeq: 0 });
  const cursor = useRef(startAfter);

  useEffect(() => {
    let socket: WebSocket | null = null;
    let closed = false;
    let retry = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let refresh: ReturnType<typeof setTimeout> | undefined;
    // Several events usually arrive together (a version is many events): refresh once.
    const scheduleRefresh = () => {
      clearTimeout(refresh);
      refresh = setTimeout(() => void qc.invalidateQueries({ queryKey: ['n', negotiationId] }), 120);
    };
    const connect = () => {
      setState((s) => ({ ...s, status: 'connecting' }));
      const proto = location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${proto}://${location.host}/api/live?negotiation=${negotiationId}&after=${cursor.current}`);
      socket.onmessage = (m) => {
        const parsed = LiveServerMessage.safeParse(JSON.parse(String(m.data)));
        if (!parsed.success) return;
        const msg = parsed.data;
        switch (msg.type) {
          case 'event':
            cursor.current = Math.max(cursor.current, msg.event.seq);
            setState((s) => ({ ...s, headSeq: cursor.current, recent: [msg.event, ...s.recent].slice(0, RECENT_MAX) }));
            scheduleRefresh();
            break;
          case 'ready':
            cursor.current = Math.max(cursor.current, msg.headSeq);
            retry = 0;
            setState((s) => ({ ...s, status: 'live', headSeq: cursor.current }));
            break;
          case 'head':
            cursor.current = Math.max(cursor.current, msg.seq);
            setState((s) => ({ ...s, headSeq: cursor.current }));
            break;
          case 'ping':
          case 'error':
            break;
        }
      };
      socket.onclose = () => {
        if (closed) return;
        setState((s) => ({ ...s, status: 'offline' }));
        retry = Math.min(retry + 1, 6);
        timer = setTimeout(connect, 500 * 2 ** retry);
      };
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(timer);
      clearTimeout(refresh);
      socket?.close();
    };
  }, [negotiationId, qc]);

  return <LiveContext.Provider value={state}>{children}</LiveContext.Provider>;
}
