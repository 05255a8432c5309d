/* W5 near-limit reference: plain C on libcurl's multi interface with the
 * classic perform/wait loop, 100 transfers in flight, easy handles reused so
 * connections stay alive.
 *   w5_curl_multi URL [N [httpx-headers]]
 * With "httpx-headers" it sends the request head httpx (and aioc) send:
 * Accept, Accept-Encoding: gzip, deflate, Connection: keep-alive and
 * User-Agent: python-httpx/0.23.3 -- the same bytes on the wire as aioc,
 * which libcurl formats byte by byte, so the comparison of the layers
 * above libcurl is like for like. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static size_t sink(char *p, size_t s, size_t n, void *ud) {
  *(long *)ud += (long)(s * n);
  (void)p;
  return s * n;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  const char *url = argv[1];
  int n = argc > 2 ? atoi(argv[2]) : 10000, started = 0, done = 0;
  int httpx = argc > 3 && strcmp(argv[3], "httpx-headers") == 0;
  struct curl_slist *hdrs = NULL;
  if (httpx) {
    hdrs = curl_slist_append(hdrs, "Expect:");
    hdrs = curl_slist_append(hdrs, "Accept: */*");
    hdrs = curl_slist_append(hdrs, "Connection: keep-alive");
    hdrs = curl_slist_append(hdrs, "User-Agent: python-httpx/0.23.3");
  }
  long bytes = 0;
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURLM *m = curl_multi_init();
  curl_multi_setopt(m, CURLMOPT_MAX_TOTAL_CONNECTIONS, 100L);
  CURL *pool[100];
  double t0 = now();
  for (int i = 0; i < 100 && started < n; ++i, ++started) {
    pool[i] = curl_easy_init();
    curl_easy_setopt(pool[i], CURLOPT_URL, url);
    curl_easy_setopt(pool[i], CURLOPT_WRITEFUNCTION, sink);
    curl_easy_setopt(pool[i], CURLOPT_WRITEDATA, &bytes);
    curl_easy_setopt(pool[i], CURLOPT_NOSIGNAL, 1L);
    if (httpx) {
      curl_easy_setopt(pool[i], CURLOPT_HTTPHEADER, hdrs);
      curl_easy_setopt(pool[i], CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
    }
    curl_multi_add_handle(m, pool[i]);
  }
  while (done < n) {
    int running, left;
    curl_multi_perform(m, &running);
    CURLMsg *msg;
    while ((msg = curl_multi_info_read(m, &left))) {
      if (msg->msg != CURLMSG_DONE)
        continue;
      CURL *e = msg->easy_handle;
      if (msg->data.result != CURLE_OK)
        fprintf(stderr, "error: %s\n", curl_easy_strerror(msg->data.result));
      ++done;
      curl_multi_remove_handle(m, e);
      if (started < n) {
        ++started;
        curl_multi_add_handle(m, e);
      } else {
        curl_easy_cleanup(e);
      }
    }
    if (done < n)
      curl_multi_wait(m, NULL, 0, 1000, NULL);
  }
  double dt = now() - t0;
  printf("%d requests %ld bytes %.3f s %.0f req/s\n", n, bytes, dt, n / dt);
  curl_multi_cleanup(m);
  curl_slist_free_all(hdrs);
  return 0;
}
