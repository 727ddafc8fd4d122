package dev.shop.catalog.rest;

import dev.shop.catalog.service.ReservationService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reservations")
public class ReservationResource {

    private final ReservationService reservations;

    public ReservationResource(ReservationService reservations) {
        this.reservations = reservations;
    }

    @POST
    @Operation(summary = "Reserve stock for every line or none; 201 the first time, 200 when the reference is replayed")
    @APIResponse(responseCode = "201", description = "reserved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "200", description = "the reservation made earlier under this reference",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", description = "a sku catalog does not have (named in the problem)")
    @APIResponse(responseCode = "409", description = "short stock of the sku named in the problem, or a released reference")
    @APIResponse(responseCode = "422", description = "other lines under a reference already used")
    public Response reserve(@NotNull @Valid ReservationRequest request) {
        ReservationService.Outcome outcome = reservations.reserve(request.reference(), request.lines().stream()
                .map(line -> new ReservationService.Request(line.sku(), line.quantity()))
                .toList());
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ReservationView.of(outcome.reservation()))
                .build();
    }

    @DELETE
    @Path("/{reference}")
    @Operation(summary = "Release a reservation (compensation); 204 whether or not it was still held")
    public void release(@PathParam("reference") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}",
            message = "must be 1 to 64 letters, digits or . _ : -") String reference) {
        reservations.release(reference);
    }
}
