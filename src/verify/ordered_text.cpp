#include "ordered_text.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <ostream>
#include <vector>

#include "guarantor/core/thread_pool.hpp"

namespace guarantor::verify::detail {
namespace {

// Records per chunk a thread claims at once, and chunks per thread in one round: small enough to
// balance threads that also do other work, large enough that claiming costs nothing.
constexpr std::size_t CHUNK_RECORDS = 512;
constexpr std::size_t CHUNKS_PER_THREAD = 4;

struct Chunk {
  std::string text;
  std::exception_ptr error;
};

}  // namespace

void write_records_in_order(std::ostream& out, std::size_t count, const RecordWriter& write_record, unsigned threads) {
  ThreadPool& pool = ThreadPool::shared();
  const unsigned working = std::max(1u, std::min(threads == 0 ? pool.concurrency() : threads, pool.concurrency()));
  std::vector<Chunk> chunks(working * CHUNKS_PER_THREAD);
  for (std::size_t round_from = 0; round_from < count; round_from += chunks.size() * CHUNK_RECORDS) {
    const std::size_t round_to = std::min(count, round_from + chunks.size() * CHUNK_RECORDS);
    const std::size_t chunk_count = (round_to - round_from + CHUNK_RECORDS - 1) / CHUNK_RECORDS;
    std::atomic<std::size_t> next_chunk{0};
    const auto work = [&]() noexcept {
      for (std::size_t chunk = next_chunk++; chunk < chunk_count; chunk = next_chunk++) {
        Chunk& target = chunks[chunk];
        target.text.clear();
        target.error = nullptr;
        try {
          const std::size_t from = round_from + chunk * CHUNK_RECORDS;
          for (std::size_t index = from; index < std::min(round_to, from + CHUNK_RECORDS); ++index)
            write_record(index, target.text);
        } catch (...) {
          target.error = std::current_exception();
        }
      }
    };
    std::vector<std::future<void>> helpers;
    for (unsigned helper = 1; helper < working && helper < chunk_count; ++helper) helpers.push_back(pool.submit(work));
    work();
    for (auto& helper : helpers) helper.wait();
    for (std::size_t chunk = 0; chunk < chunk_count; ++chunk) {
      if (chunks[chunk].error) std::rethrow_exception(chunks[chunk].error);
      out.write(chunks[chunk].text.data(), static_cast<std::streamsize>(chunks[chunk].text.size()));
    }
  }
}

}  // namespace guarantor::verify::detail
