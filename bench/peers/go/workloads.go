// W1-W4 in Go (goroutines and channels); same output format as
// bench/peers/aioc/workloads.cpp. Usage: go run workloads.go w1|w2|w3|w4 N
// (GOMAXPROCS=1 for a single-threaded comparison is set by run.sh).
package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

func statusKb(key string) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), key) {
			v, _ := strconv.ParseInt(strings.Fields(sc.Text())[1], 10, 64)
			return v
		}
	}
	return 0
}

//go:noinline
func trivial(i int64) int64 { return i }

func main() {
	w := os.Args[1]
	n, _ := strconv.ParseInt(os.Args[2], 10, 64)
	base := statusKb("VmRSS:")
	t0 := time.Now()
	switch w {
	case "w1":
		var wg sync.WaitGroup
		wg.Add(int(n))
		for i := int64(0); i < n; i++ {
			go func() { runtime.Gosched(); wg.Done() }()
		}
		wg.Wait()
		dt := time.Since(t0).Seconds()
		rss := statusKb("VmHWM:") - base
		fmt.Printf("w1 n=%d ns_per_task=%.1f bytes_per_task=%.1f rss_kb=%d\n", n, dt*1e9/float64(n), float64(rss)*1024/float64(n), rss)
	case "w2":
		var s int64
		for i := int64(0); i < n; i++ {
			s += trivial(i)
		}
		fmt.Printf("w2 n=%d ns_per_await=%.2f check=%d\n", n, time.Since(t0).Seconds()*1e9/float64(n), s)
	case "w3":
		a, b := make(chan int64, 1), make(chan int64, 1)
		go func() {
			for i := int64(0); i < n; i++ {
				b <- <-a
			}
		}()
		var s int64
		for i := int64(0); i < n; i++ {
			a <- i
			s += <-b
		}
		fmt.Printf("w3 n=%d ns_per_roundtrip=%.1f check=%d\n", n, time.Since(t0).Seconds()*1e9/float64(n), s)
	case "w4":
		var wg sync.WaitGroup
		wg.Add(int(n))
		for i := int64(0); i < n; i++ {
			d := time.Duration(i%100) * time.Millisecond
			go func() { time.Sleep(d); wg.Done() }()
		}
		wg.Wait()
		el := time.Since(t0).Seconds()
		rss := statusKb("VmHWM:") - base
		fmt.Printf("w4 n=%d late_ms=%.1f rss_kb=%d peak_rss_kb=%d\n", n, (el-0.099)*1e3, rss, statusKb("VmHWM:"))
	}
}
