package org.openreferral.bootstrap.operations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Test-only endpoint that holds its worker thread until the test lets it go: a request that takes its time. */
@Path("/test-support/held")
public class HeldRequestResource {

    /** One permit per request that has entered. */
    static final Semaphore ENTERED = new Semaphore(0);
    static volatile CountDownLatch release = new CountDownLatch(1);

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hold() throws InterruptedException {
        ENTERED.release();
        return release.await(30, TimeUnit.SECONDS) ? "released" : "not released within 30 s";
    }
}
