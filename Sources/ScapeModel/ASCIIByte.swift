/// Letters and digits of plain ASCII text, read as bytes: the fast paths that read ASCII
/// names, ids and data lines byte by byte (where one byte is one Character) ask the same
/// questions the Character paths ask with `isLetter` and `isNumber`.
public enum ASCIIByte {
    @inline(__always) public static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
    @inline(__always) public static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- UInt8(ascii: "a") < 26 }
    @inline(__always) public static func isLetterOrDigit(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    /// A-Z as a-z; every other byte as it is.
    @inline(__always) public static func lowercased(_ b: UInt8) -> UInt8 { b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b }
}
