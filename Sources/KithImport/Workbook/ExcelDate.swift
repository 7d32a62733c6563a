/// Excel's date serial numbers as ISO 8601 text.
enum ExcelDate {
    /// `2024-03-05` for a whole serial, `2024-03-05 14:30:00` with a time of day, `14:30:00` for a
    /// time alone (a serial under 1). In the 1900 system serial 60 is 29 February 1900, a day that
    /// never was (Lotus 1-2-3's leap-year error, kept by Excel): it is refused (nil), and serials
    /// before it count from 31 December 1899. In the 1904 system serial 0 is 1 January 1904.
    static func text(_ serial: Double, date1904: Bool) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil } // 9999-12-31
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 {
            days += 1
            seconds = 0
        }
        let time = String(format2(seconds / 3600)) + ":" + format2(seconds / 60 % 60) + ":" + format2(seconds % 60)
        if days == 0, !date1904 { return time }
        if !date1904, days == 60 { return nil }
        // Days from 1 January 1970 (the civil calendar from here on).
        let epochDays = date1904 ? days - 24_107 : (days < 60 ? days - 25_568 : days - 25_569)
        let (year, month, day) = civil(fromDays: epochDays)
        let date = "\(year)-\(format2(month))-\(format2(day))"
        return seconds == 0 ? date : date + " " + time
    }

    private static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Year, month, day of a count of days from 1970-01-01 (Howard Hinnant's civil_from_days).
    static func civil(fromDays z: Int) -> (Int, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
