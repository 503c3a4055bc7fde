package org.openreferral.bootstrap.logging;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

/** Test-only endpoint that logs one line from the worker thread that runs a blocking resource method. */
@Path("/test-support/log-probe")
public class LogProbeResource {

    private static final Logger LOG = Logger.getLogger(LogProbeResource.class);

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String probe() {
        LOG.info("log probe");
        return Thread.currentThread().getName();
    }
}
