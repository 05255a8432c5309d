// W5 with Go's net/http: N GETs, 100 goroutines (at most 100 in flight),
// keep-alive pool sized to match.
package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	url := os.Args[1]
	n := 10000
	if len(os.Args) > 2 {
		n, _ = strconv.Atoi(os.Args[2])
	}
	tr := &http.Transport{MaxIdleConns: 100, MaxIdleConnsPerHost: 100, MaxConnsPerHost: 100}
	client := &http.Client{Transport: tr}
	var next, bytes int64
	var wg sync.WaitGroup
	t0 := time.Now()
	for w := 0; w < 100; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for atomic.AddInt64(&next, 1) <= int64(n) {
				r, err := client.Get(url)
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					continue
				}
				b, _ := io.ReadAll(r.Body)
				r.Body.Close()
				atomic.AddInt64(&bytes, int64(len(b)))
			}
		}()
	}
	wg.Wait()
	dt := time.Since(t0).Seconds()
	fmt.Printf("%d requests %d bytes %.3f s %.0f req/s\n", n, bytes, dt, float64(n)/dt)
}
