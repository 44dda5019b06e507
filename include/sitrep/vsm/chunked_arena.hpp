// sitrep/vsm/chunked_arena.hpp — append-only storage for many small arrays, in blocks that never
// move.
//
//   sitrep::vsm::chunked_arena<term_id> ids;
//   std::span<term_id> out = ids.allocate(3);   // contiguous, uninitialized: fill it in
//   out[0] = 7; out[1] = 8; out[2] = 9;
//   std::span<const term_id> kept = out;          // valid for the arena's life, across moves
//
// The collection keeps millions of short per-sentence arrays (token ids, stopword flags, content
// terms, term counts). One heap vector each costs an allocation, a 24-byte header and allocator
// overhead per array; here they are packed into blocks of `kBlock` elements.
//
// Contracts:
// - `allocate(n)` returns `n` contiguous elements that never straddle two blocks. A request
//   larger than a block gets a block of its own; the current block stays current. The tail of a
//   block too short for a request is left unused (at most one array's worth per block).
// - Blocks are never reallocated or freed before the arena is destroyed, so a span returned by
//   `allocate` stays valid for the arena's whole life, including after the arena is moved (the
//   blocks are owned through unique_ptr; a move hands them over, it does not copy them).
// - The arena is move-only. A moved-from arena is empty and may be reused.
// - Elements are default-initialized (for trivial types: left uninitialized); `T` must be
//   default-constructible. `allocate(0)` returns an empty span and allocates nothing.
// - Not thread-safe for `allocate`; spans already handed out may be read from many threads.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace sitrep::vsm {

template <typename T>
class chunked_arena {
 public:
  /// Elements per ordinary block (64 Ki).
  static constexpr std::size_t kBlock = std::size_t{1} << 16;

  chunked_arena() = default;
  chunked_arena(const chunked_arena&) = delete;
  chunked_arena& operator=(const chunked_arena&) = delete;
  chunked_arena(chunked_arena&& o) noexcept
      : blocks_(std::move(o.blocks_)),
        next_(std::exchange(o.next_, nullptr)),
        left_(std::exchange(o.left_, 0)),
        capacity_(std::exchange(o.capacity_, 0)) {
    o.blocks_.clear();
  }
  chunked_arena& operator=(chunked_arena&& o) noexcept {
    if (this != &o) {
      blocks_ = std::move(o.blocks_);
      o.blocks_.clear();
      next_ = std::exchange(o.next_, nullptr);
      left_ = std::exchange(o.left_, 0);
      capacity_ = std::exchange(o.capacity_, 0);
    }
    return *this;
  }
  ~chunked_arena() = default;

  /// `n` contiguous elements, valid until the arena is destroyed.
  std::span<T> allocate(std::size_t n) {
    if (n == 0) return {};
    if (n > left_) {
      if (n > kBlock) {  // a block of its own; the current block keeps its free tail
        blocks_.push_back(std::make_unique_for_overwrite<T[]>(n));
        capacity_ += n;
        return {blocks_.back().get(), n};
      }
      blocks_.push_back(std::make_unique_for_overwrite<T[]>(kBlock));
      capacity_ += kBlock;
      next_ = blocks_.back().get();
      left_ = kBlock;
    }
    T* p = next_;
    next_ += n;
    left_ -= n;
    return {p, n};
  }

  /// Elements held in all blocks, used or not (for memory accounting).
  std::size_t capacity() const noexcept { return capacity_; }
  std::size_t block_count() const noexcept { return blocks_.size(); }

 private:
  std::vector<std::unique_ptr<T[]>> blocks_;
  T* next_ = nullptr;     // first free element of the current block
  std::size_t left_ = 0;  // free elements after next_ in the current block
  std::size_t capacity_ = 0;
};

}  // namespace sitrep::vsm
