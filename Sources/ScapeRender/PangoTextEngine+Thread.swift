import Foundation

extension PangoTextEngine {
    /// An engine of this thread's own, made on first use and kept while the thread lives: for
    /// helper threads that draw part of a figure (Pango is not thread-safe).
    static var ofThisThread: PangoTextEngine {
        let key = "mlscape.PangoTextEngine"
        if let engine = Thread.current.threadDictionary[key] as? PangoTextEngine { return engine }
        let engine = PangoTextEngine()
        Thread.current.threadDictionary[key] = engine
        return engine
    }

    /// The engine for work a figure shares among threads: the caller's own on the caller's
    /// thread (`caller`), this thread's own on any other.
    public static func serving(_ caller: pthread_t, _ callerEngine: PangoTextEngine) -> PangoTextEngine {
        pthread_equal(pthread_self(), caller) != 0 ? callerEngine : ofThisThread
    }
}
