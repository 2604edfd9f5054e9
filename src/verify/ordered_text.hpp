#pragma once
// Text of many records prepared in parallel and written in record order: the bytes never depend
// on how many threads took part, so outputs stay byte-identical across --threads.
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

namespace guarantor::verify::detail {

/// Appends record `index`'s text to `out`; must not depend on other records' text.
using RecordWriter = std::function<void(std::size_t index, std::string& out)>;

/// Writes records [0, count) to `out` in order. Chunks of records are prepared by up to
/// `threads` threads of the shared pool (0: the pool's size), a bounded number of chunks at a
/// time, so memory holds a few MiB of text whatever `count` is. Rethrows the first error.
void write_records_in_order(std::ostream& out, std::size_t count, const RecordWriter& write_record,
                            unsigned threads = 0);

}  // namespace guarantor::verify::detail
