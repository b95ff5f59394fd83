import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A request's context: Hummingbird's, plus the connection, so an event stream ends the moment
/// its connection closes.
struct PreviewRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// What the preview answers, and to whom. Every answer carries the same security headers; the
/// checks run in this order: Host (403), method (405 with `Allow`), token (403), then the routes
/// `/`, `/events`, `/figures/ID.svg`. HEAD is answered as GET without the body.
struct PreviewResponder: HTTPResponder {
    typealias Context = PreviewRequestContext

    /// The page state and event streams the routes read.
    let source: PreviewSource

    func respond(to request: Request, context: Context) async throws -> Response {
        let answer = PreviewRoutes.answer(method: request.method.rawValue, path: request.uri.path, query: request.uri.query,
                                          host: request.head.authority,
                                          cookie: request.headers[values: .cookie].joined(separator: "; "),
                                          source: source, channel: context.channel)
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        let isHead = request.method == .head
        switch answer.body {
        case .bytes(let bytes):
            headers[.contentLength] = String(bytes.count)
            return Response(status: .init(code: answer.status), headers: headers,
                            body: isHead ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .events(let events, let end):
            if isHead {
                end()
                return Response(status: .init(code: answer.status), headers: headers, body: ResponseBody())
            }
            context.channel.closeFuture.whenComplete { _ in end() }
            return Response(status: .init(code: answer.status), headers: headers, body: ResponseBody { writer in
                for await chunk in events {
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            })
        }
    }
}

/// What the routes read from the server: the page state, the access policy, the event hub.
protocol PreviewSource: Sendable {
    var current: LiveFigureSet.Snapshot { get }
    var policy: AccessPolicy { get }
    func subscribe() -> (events: AsyncStream<[UInt8]>, end: @Sendable () -> Void)
    func setOnScreen(_ ids: [String])
}
