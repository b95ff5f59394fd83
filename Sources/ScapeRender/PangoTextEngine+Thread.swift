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
}
