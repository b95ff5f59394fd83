import Foundation
import NIOCore
import ScapeModel

/// The connections open at once, shared by every connection's guard.
final class ConnectionCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var open = 0
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Counts a new connection; false when it is one too many (it is counted all the same and
    /// must be `released` when it closes).
    func admit() -> Bool {
        lock.withLock {
            open += 1
            return open <= limit
        }
    }

    func release() { lock.withLock { open -= 1 } }

    var count: Int { lock.withLock { open } }
}

/// The first handler of every connection, on the raw bytes before the HTTP parser sees them.
/// It holds the bounds a server left running needs, in time linear in the bytes read:
///
/// - a request line and headers over `maxHead` bytes get 431 and the connection closes, at the
///   first byte beyond (the parser never sees a longer head);
/// - a connection beyond `ConnectionCounter.limit` gets 503 and closes at once;
/// - a request that has not arrived in full `deadline` after its first byte (or after the
///   connection opened) is closed: half-sent requests do not hold descriptors;
/// - a client that closes its side (a tab closed on an event stream) has the connection closed
///   at once, so its descriptor is free before the next event would find it gone.
final class RequestGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private enum State {
        /// Reading a request head: its bytes so far (at most `maxHead`).
        case head
        /// Reading a body of this many more bytes.
        case body(remaining: Int)
        /// A chunked body: the parser's own limits take over for the rest of the connection.
        case passthrough
        case closed
    }

    private let maxHead: Int
    private let deadline: TimeAmount
    private let counter: ConnectionCounter
    private var state = State.head
    private var headBytes: [UInt8] = []
    /// The last four bytes of the head, to see its blank line in one pass.
    private var tail: UInt32 = 0
    private var timer: Scheduled<Void>?
    private var counted = false

    init(maxHead: Int = InputBounds.maxRequestHead, deadline: TimeAmount = .seconds(Int64(InputBounds.requestSeconds)), counter: ConnectionCounter) {
        self.maxHead = maxHead
        self.deadline = deadline
        self.counter = counter
        headBytes.reserveCapacity(1024)
    }

    func channelActive(context: ChannelHandlerContext) {
        counted = true
        guard counter.admit() else {
            refuse(context, status: "503 Service Unavailable", message: "mlscape serve has \(counter.limit) connections open; try again in a moment\n", extra: "Retry-After: 1\r\n")
            return
        }
        arm(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if counted { counter.release(); counted = false }
        timer?.cancel()
        timer = nil
        state = .closed
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            // Nothing this server serves needs a half-closed connection.
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        var forwardEnd = buffer.readerIndex
        let start = buffer.readerIndex
        let bytes = buffer.readableBytesView
        var i = bytes.startIndex
        scan: while i < bytes.endIndex {
            switch state {
            case .closed:
                return
            case .passthrough:
                i = bytes.endIndex
            case .body(let remaining):
                let take = min(remaining, bytes.endIndex - i)
                i += take
                if take == remaining {
                    state = .head
                    requestComplete()
                } else {
                    state = .body(remaining: remaining - take)
                }
            case .head:
                if headBytes.isEmpty && tail == 0 && timer == nil { arm(context) }
                let byte = bytes[i]
                i += 1
                // Blank lines before a request line are allowed (RFC 9112, 2.2) and not counted.
                if headBytes.isEmpty && (byte == 0x0D || byte == 0x0A) { continue }
                headBytes.append(byte)
                if headBytes.count > maxHead {
                    // Pass on what came before this request, then answer for it.
                    let before = (i - bytes.startIndex) - headBytes.count
                    forward(context, buffer, from: start, upTo: start + max(0, before))
                    refuse(context, status: "431 Request Header Fields Too Large",
                           message: "the request line and headers exceed \(maxHead) bytes\n", extra: "")
                    return
                }
                tail = (tail << 8) | UInt32(byte)
                if tail == 0x0D0A_0D0A || tail & 0xFFFF == 0x0A0A {
                    headComplete()
                    continue scan
                }
            }
        }
        forwardEnd = start + (i - bytes.startIndex)
        forward(context, buffer, from: start, upTo: forwardEnd)
        buffer.moveReaderIndex(to: forwardEnd)
    }

    /// The head has ended: look for a body (only a length is followed; anything chunked is left
    /// to the parser's limits).
    private func headComplete() {
        let text = String(decoding: headBytes, as: UTF8.self).lowercased()
        headBytes.removeAll(keepingCapacity: true)
        tail = 0
        var length = 0
        for line in text.split(whereSeparator: { $0 == "\r" || $0 == "\n" }) {
            if line.hasPrefix("transfer-encoding:") {
                state = .passthrough
                requestComplete()
                return
            }
            if line.hasPrefix("content-length:"), let n = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)), n > 0 {
                length = n
            }
        }
        if length > 0 {
            state = .body(remaining: length)
        } else {
            state = .head
            requestComplete()
        }
    }

    private func requestComplete() {
        timer?.cancel()
        timer = nil
    }

    private func arm(_ context: ChannelHandlerContext) {
        timer?.cancel()
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: deadline) { [weak self] in
            guard let self else { return }
            self.timer = nil
            self.state = .closed
            loopBound.value.close(promise: nil)
        }
    }

    private func forward(_ context: ChannelHandlerContext, _ buffer: ByteBuffer, from: Int, upTo: Int) {
        guard upTo > from, let slice = buffer.getSlice(at: from, length: upTo - from) else { return }
        context.fireChannelRead(wrapInboundOut(slice))
    }

    /// Answers on the raw connection (the parser never saw this request) and closes it.
    private func refuse(_ context: ChannelHandlerContext, status: String, message: String, extra: String) {
        state = .closed
        timer?.cancel()
        timer = nil
        let body = Array(message.utf8)
        let head = "HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.count)\r\n\(extra)Connection: close\r\n\r\n"
        var out = context.channel.allocator.buffer(capacity: head.utf8.count + body.count)
        out.writeString(head)
        out.writeBytes(body)
        // Close our side once the answer is out, read and drop what the client still sends for
        // a second, then close: a client still writing would otherwise get a reset, which can
        // overtake the answer.
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(NIOAny(out)).whenComplete { _ in
            let context = loopBound.value
            context.close(mode: .output, promise: nil)
            context.eventLoop.scheduleTask(in: .seconds(1)) { loopBound.value.close(promise: nil) }
        }
    }
}
