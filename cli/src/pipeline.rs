//! Work on every core, results in input order, memory bounded.
//!
//! One thread produces jobs (it may block reading standard input), `threads` workers run
//! them, and the calling thread takes the results strictly in input order as soon as each
//! next one is done. A job is dispatched only while fewer than `window` jobs are between
//! dispatch and their result being taken, so however far the input runs ahead, the jobs
//! waiting and the results held back for order stay within `window`.

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

/// How often a waiting taker hears that it is idle (progress starts drawing on a tick).
const IDLE_TICK: Duration = Duration::from_millis(250);

/// Hands jobs to the workers; given to the producer.
pub struct Dispatch<J> {
    jobs: Sender<(usize, J)>,
    slots: Receiver<()>,
    next: usize,
}

impl<J> Dispatch<J> {
    /// Queues a job after the previous ones, waiting while the window is full.
    pub fn send(&mut self, job: J) {
        // Both fail only once the taker is gone, when nothing is waited for any more.
        if self.slots.recv().is_ok() && self.jobs.send((self.next, job)).is_ok() {
            self.next += 1;
        }
    }
}

/// Takes the results, in input order, on the calling thread.
pub trait Taker<R> {
    /// The next result in input order, or the message of the panic that ended its job.
    fn take(&mut self, result: Result<R, String>);

    /// No result is ready now (said again every so often while none is): a good time to
    /// flush output.
    fn idle(&mut self) {}
}

/// Runs `work` over every job `produce` sends, on `threads` workers, handing each result
/// to `taker` in the order the jobs were sent.
pub fn run<J, R>(
    threads: NonZeroUsize,
    window: NonZeroUsize,
    produce: impl FnOnce(&mut Dispatch<J>) + Send,
    work: impl Fn(J) -> R + Sync,
    taker: &mut impl Taker<R>,
) where
    J: Send,
    R: Send,
{
    let (job_sender, jobs) = mpsc::channel::<(usize, J)>();
    let jobs = Mutex::new(jobs);
    let (result_sender, results) = mpsc::channel::<(usize, Result<R, String>)>();
    let (slot_sender, slots) = mpsc::channel();
    for _ in 0..window.get() {
        let _ = slot_sender.send(());
    }
    let work = &work;
    let jobs = &jobs;
    // `move`: should the taker panic, unwinding drops the slot sender and the results
    // receiver here, inside the scope, so the producer's wait for a slot and the workers'
    // sends fail and every thread ends; the scope then joins them and resumes the panic.
    // Held outside, they would outlive the join and leave the producer waiting forever.
    thread::scope(move |scope| {
        scope.spawn(move || {
            let mut dispatch = Dispatch {
                jobs: job_sender,
                slots,
                next: 0,
            };
            produce(&mut dispatch);
        });
        for _ in 0..threads.get() {
            let results = result_sender.clone();
            scope.spawn(move || loop {
                // The guard is a temporary: the lock is released before the work starts.
                let job = jobs.lock().map_or(Err(mpsc::RecvError), |jobs| jobs.recv());
                let Ok((index, job)) = job else { return };
                let result = panic::catch_unwind(AssertUnwindSafe(|| work(job)))
                    .map_err(|payload| panic_message(payload.as_ref()));
                if results.send((index, result)).is_err() {
                    return;
                }
            });
        }
        drop(result_sender);
        take_in_order(&results, &slot_sender, taker);
    });
}

/// Takes results as they arrive, releasing them in index order.
fn take_in_order<R>(
    results: &Receiver<(usize, Result<R, String>)>,
    slots: &Sender<()>,
    taker: &mut impl Taker<R>,
) {
    let mut held = BTreeMap::new();
    let mut next = 0;
    loop {
        let (index, result) = match results.try_recv() {
            Ok(arrived) => arrived,
            Err(TryRecvError::Empty) => {
                taker.idle();
                match wait(results, taker) {
                    Some(arrived) => arrived,
                    None => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        held.insert(index, result);
        while let Some(result) = held.remove(&next) {
            taker.take(result);
            next += 1;
            let _ = slots.send(());
        }
    }
    taker.idle();
}

/// Waits for the next result, telling the taker it is idle every [`IDLE_TICK`].
fn wait<T, R>(results: &Receiver<T>, taker: &mut impl Taker<R>) -> Option<T> {
    loop {
        match results.recv_timeout(IDLE_TICK) {
            Ok(arrived) => return Some(arrived),
            Err(RecvTimeoutError::Timeout) => taker.idle(),
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a worker panicked".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    struct Collect(Vec<Result<usize, String>>);

    impl Taker<usize> for Collect {
        fn take(&mut self, result: Result<usize, String>) {
            self.0.push(result);
        }
    }

    fn n(value: usize) -> NonZeroUsize {
        NonZeroUsize::new(value).unwrap()
    }

    #[test]
    fn results_come_in_input_order_whatever_order_they_finish_in() {
        let mut taken = Collect(Vec::new());
        run(
            n(4),
            n(8),
            |dispatch| (0..100).for_each(|job| dispatch.send(job)),
            |job: usize| {
                // Early jobs finish last.
                thread::sleep(Duration::from_micros(((100 - job) % 7 * 300) as u64));
                job * 2
            },
            &mut taken,
        );
        let expected: Vec<Result<usize, String>> = (0..100).map(|job| Ok(job * 2)).collect();
        assert_eq!(taken.0, expected);
    }

    #[test]
    fn no_more_than_the_window_is_in_flight() {
        struct Watch<'a> {
            dispatched: &'a AtomicUsize,
            taken: usize,
            most: usize,
        }
        impl Taker<()> for Watch<'_> {
            fn take(&mut self, _: Result<(), String>) {
                self.taken += 1;
                // The producer counts a job just after sending it, so the count may be one
                // behind the job just taken: add that one before subtracting.
                let in_flight = (self.dispatched.load(Ordering::SeqCst) + 1) - self.taken;
                self.most = self.most.max(in_flight);
            }
        }
        let dispatched = AtomicUsize::new(0);
        let mut watch = Watch {
            dispatched: &dispatched,
            taken: 0,
            most: 0,
        };
        run(
            n(3),
            n(5),
            |dispatch| {
                for _ in 0..200 {
                    dispatch.send(());
                    dispatched.fetch_add(1, Ordering::SeqCst);
                }
            },
            |()| thread::sleep(Duration::from_micros(50)),
            &mut watch,
        );
        assert_eq!(watch.taken, 200);
        assert!(watch.most <= 5, "{} in flight", watch.most);
    }

    #[test]
    fn a_panicking_job_is_reported_in_its_place_and_the_rest_go_on() {
        let mut taken = Collect(Vec::new());
        run(
            n(2),
            n(4),
            |dispatch| (0..10).for_each(|job| dispatch.send(job)),
            |job: usize| {
                if job == 3 {
                    panic!("job three");
                }
                job
            },
            &mut taken,
        );
        assert_eq!(taken.0.len(), 10);
        assert_eq!(taken.0[3], Err("job three".to_owned()));
        assert_eq!(taken.0[9], Ok(9));
    }

    /// Runs `body` on its own thread and fails if it has not ended within `limit`, so a
    /// deadlock fails the test instead of hanging the test run.
    fn ends_within(limit: Duration, body: impl FnOnce() + Send + 'static) {
        let (done, ended) = mpsc::channel();
        thread::spawn(move || {
            // A panic in `body` drops `done` unsent: the receiver sees that at once.
            body();
            let _ = done.send(());
        });
        if let Err(RecvTimeoutError::Timeout) = ended.recv_timeout(limit) {
            panic!("still running after {limit:?}: deadlocked");
        }
    }

    #[test]
    fn a_panicking_taker_ends_the_run_and_its_panic_reaches_the_caller() {
        struct Explodes;
        impl Taker<usize> for Explodes {
            fn take(&mut self, result: Result<usize, String>) {
                if result == Ok(2) {
                    panic!("taker gave up");
                }
            }
        }
        let (told, heard) = mpsc::channel();
        ends_within(Duration::from_secs(20), move || {
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
                run(
                    n(2),
                    // A window smaller than the input: the producer is waiting for a slot
                    // when the taker panics.
                    n(2),
                    |dispatch| (0..1_000).for_each(|job| dispatch.send(job)),
                    |job: usize| job,
                    &mut Explodes,
                )
            }));
            let message = outcome.err().map(|payload| panic_message(payload.as_ref()));
            told.send(message).unwrap();
        });
        assert_eq!(heard.recv().unwrap().as_deref(), Some("taker gave up"));
    }

    #[test]
    fn a_producer_that_panics_ends_the_run() {
        let (told, heard) = mpsc::channel();
        ends_within(Duration::from_secs(20), move || {
            let mut taken = Collect(Vec::new());
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
                run(
                    n(2),
                    n(2),
                    |dispatch| {
                        (0..5).for_each(|job| dispatch.send(job));
                        panic!("input gone");
                    },
                    |job: usize| job,
                    &mut taken,
                )
            }));
            told.send((outcome.is_err(), taken.0)).unwrap();
        });
        let (panicked, taken) = heard.recv().unwrap();
        assert!(panicked, "the producer's panic reaches the caller");
        assert_eq!(taken, (0..5).map(Ok).collect::<Vec<_>>());
    }
}
