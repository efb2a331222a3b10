export const encodeFrame = (message) => JSON.stringify(message);
const runEventFrames = new WeakMap();
export function encodeRunEvent(topic, event) {
    let frame = runEventFrames.get(event);
    if (frame === undefined) {
        frame = encodeFrame({ type: 'event', topic, seq: event.seq, data: event });
        runEventFrames.set(event, frame);
    }
    return frame;
}
//# sourceMappingURL=frames.js.map