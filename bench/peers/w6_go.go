// W6 with Go: write N 4 KiB files, then read them back, 64 goroutines.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

func pool(n int, fn func(i int)) {
	var next int64 = -1
	var wg sync.WaitGroup
	for w := 0; w < 64; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(atomic.AddInt64(&next, 1))
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

func main() {
	dir := os.Args[1]
	n := 10000
	if len(os.Args) > 2 {
		n, _ = strconv.Atoi(os.Args[2])
	}
	data := make([]byte, 4096)
	for i := range data {
		data[i] = byte(i % 251)
	}
	var bytes int64
	t0 := time.Now()
	pool(n, func(i int) {
		if err := os.WriteFile(fmt.Sprintf("%s/f%d", dir, i), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
	})
	t1 := time.Now()
	pool(n, func(i int) {
		b, err := os.ReadFile(fmt.Sprintf("%s/f%d", dir, i))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
		atomic.AddInt64(&bytes, int64(len(b)))
	})
	t2 := time.Now()
	fmt.Printf("%d files %d bytes write %.0f files/s read %.0f files/s\n", n, bytes,
		float64(n)/t1.Sub(t0).Seconds(), float64(n)/t2.Sub(t1).Seconds())
}
