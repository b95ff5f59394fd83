import ArgumentParser
import Foundation
import ScapeModel
import ScapePipeline
import ScapeServe
import ScapeSketch

extension ExitStatus {
    /// sysexits' EX_UNAVAILABLE: the port is taken or the address cannot be used.
    static let unavailable = ExitCode(69)
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Show the figures in a browser and update them as the data file changes.",
        discussion: """
        Serves a page with every figure of DATA (as SVG, with a card per tool on
        hover), watches DATA and the files it refers to (a lifecycle spec), and
        updates open pages within a blink of each save, without reloading them.
        A save with errors shows the errors, with file:line:column and the line,
        over the last good figures; the next good save clears them.

        The server listens on 127.0.0.1 (this machine only) unless --host says
        otherwise, and serves only the rendered figures: no file on disk is
        reachable through it. It prints the address to open, with a random
        token (?token=...): without the token, or addressed by a name other than
        this machine's, a request is refused (403). Ctrl-C stops it.

        Examples:
          mlscape serve my-stack.yaml          then open the address it prints
          mlscape serve my-stack.yaml --port 8080
          mlscape serve --host 0.0.0.0         reachable from other machines

        Exit status: 0 stopped with Ctrl-C, 66 DATA missing, 69 the port is in
        use or the address cannot be used.
        """
    )

    @OptionGroup var input: DataOptions

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
    var port: Int = 8000

    @Option(name: .long, help: ArgumentHelp("The address to listen on. Default 127.0.0.1: this machine only. 0.0.0.0 makes the page reachable from the network.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(name: .customLong("allow-host"), help: ArgumentHelp("Another name the page may be addressed by (a DNS name of this machine); repeatable. localhost, 127.0.0.1, ::1 and the --host address always are.", valueName: "name"))
    var allowHosts: [String] = []

    @Option(name: .long, help: ArgumentHelp("sketch or clean. Default: the data file's 'style:', else sketch.", valueName: "style"))
    var style: FigureStyle?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535, got \(port)") }
    }

    func run() throws {
        var input = self.input
        input.useLocalDataFile(doing: "serving", verb: "serve")
        let dataFile = try input.data.map { path -> URL in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
                Console.error("error: cannot read \(path): \(isDir.boolValue ? "it is a folder; name a data file" : "no such file")")
                throw ExitStatus.noInput
            }
            return URL(fileURLWithPath: path)
        }
        let settings = RenderSettings(formats: ["svg"], style: style)
        let server: PreviewServer
        do {
            server = try PreviewServer(dataFile: dataFile, settings: settings,
                                       options: PreviewServer.Options(host: host, port: UInt16(port), extraHosts: allowHosts),
                                       log: { Console.error($0) })
        } catch {
            Console.error("error: \(error)")
            throw ExitStatus.usage
        }
        if dataFile == nil { Console.error("note: serving the built-in landscape; name a data file to see your edits live") }

        // Ctrl-C and SIGTERM end the event streams and the server, then the process.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        for source in signals {
            source.setEventHandler {
                Console.error("stopping")
                // Give open pages their end of stream, then leave even if a connection lingers.
                DispatchQueue.global().asyncAfter(deadline: .now() + 2) { ProcessExit.once(0) }
                Task.detached {
                    await server.stop()
                    Console.error("stopped")
                    ProcessExit.once(0)
                }
            }
            source.resume()
        }
        Task.detached {
            do {
                try await server.run { url in
                    FileHandle.standardOutput.write(Data("serving \(url) (Ctrl-C stops)\n".utf8))
                }
            } catch is CancellationError {
            } catch {
                failure.set(error)
            }
            done.signal()
        }
        done.wait()
        withExtendedLifetime(signals) {}
        if let error = failure.error {
            Console.error("error: \(error)")
            throw error is PreviewServer.StartError ? ExitStatus.unavailable : ExitCode.failure
        }
    }
}

/// The server task's error, handed to the main thread.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (any Error)?

    func set(_ error: any Error) {
        lock.lock()
        value = error
        lock.unlock()
    }

    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// Ends the process from whichever path gets there first (the clean stop or its time limit).
/// The server has stopped and every message went out unbuffered, so it leaves at once
/// (`_exit`): no exit handler runs while server threads are still winding down.
enum ProcessExit {
    private static let lock = NSLock()

    static func once(_ status: Int32) -> Never {
        lock.lock()
        _exit(status)
    }
}
