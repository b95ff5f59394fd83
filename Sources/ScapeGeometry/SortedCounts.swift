/// Counts in an ascending array by binary search: how many values lie below (or at most) a
/// limit. Both the bands' borders and the quadrant titles' spots count sorted edges this way.
extension Array where Element == Double {
    /// How many of these ascending values are below `limit`.
    public func countSorted(below limit: Double) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < limit { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// How many of these ascending values are at most `limit`.
    public func countSorted(atMost limit: Double) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] <= limit { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
