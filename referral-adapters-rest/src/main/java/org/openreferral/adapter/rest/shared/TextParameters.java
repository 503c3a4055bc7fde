package org.openreferral.adapter.rest.shared;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The query and form parameters a resource method reads pass the {@link InputText} rule before the method runs (a
 * 400 naming the parameter); JSON bodies pass it in {@link StrictJson}. Path parameters are ids and codes, each read
 * by a strict parser for which a control character names nothing (404). Parameters the method does not read are
 * not looked at.
 */
public class TextParameters {

    private final Map<Method, List<Declared>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseControlCharactersInQueries(ResteasyReactiveContainerRequestContext context,
                                                 ResourceInfo resource) {
        for (Declared parameter : declaredBy(resource)) {
            if (!parameter.form()) {
                check(parameter, context.getUriInfo().getQueryParameters().get(parameter.name()));
            }
        }
    }

    // readBody: runs after the form is parsed; bound by name to the methods that read a form, see CheckedForm.
    @CheckedForm
    @ServerRequestFilter(readBody = true)
    public void refuseControlCharactersInForms(ResteasyReactiveContainerRequestContext context,
                                               ResourceInfo resource) {
        for (Declared parameter : declaredBy(resource)) {
            if (parameter.form()) {
                check(parameter, formValues(context, parameter.name()));
            }
        }
    }

    private List<Declared> declaredBy(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        return method == null ? List.of() : declared.computeIfAbsent(method, TextParameters::declaredBy);
    }

    private static void check(Declared parameter, List<String> values) {
        if (values != null) {
            values.forEach(value -> InputText.check(parameter.name(), value, parameter.multiLine()));
        }
    }

    private static List<String> formValues(ResteasyReactiveContainerRequestContext context, String name) {
        if (!(context.getServerRequestContext() instanceof ResteasyReactiveRequestContext request)) {
            return null;
        }
        FormData form = request.getFormData();
        if (form == null || !form.contains(name)) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (FormValue value : form.get(name)) {
            if (!value.isFileItem()) {
                values.add(value.getValue());
            }
        }
        return values;
    }

    private static List<Declared> declaredBy(Method method) {
        List<Declared> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            boolean multiLine = parameter.isAnnotationPresent(MultiLineText.class);
            RestQuery restQuery = parameter.getAnnotation(RestQuery.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            RestForm restForm = parameter.getAnnotation(RestForm.class);
            FormParam form = parameter.getAnnotation(FormParam.class);
            if (restQuery != null) {
                parameters.add(new Declared(nameOf(restQuery.value(), parameter), false, multiLine));
            } else if (query != null) {
                parameters.add(new Declared(query.value(), false, multiLine));
            } else if (restForm != null) {
                parameters.add(new Declared(nameOf(restForm.value(), parameter), true, multiLine));
            } else if (form != null) {
                parameters.add(new Declared(form.value(), true, multiLine));
            }
        }
        if (parameters.stream().anyMatch(Declared::form) && !method.isAnnotationPresent(CheckedForm.class)) {
            // A programming error, found by the first test of the endpoint: its form fields would go unchecked.
            throw new IllegalStateException(method + " reads form fields but is not annotated @CheckedForm");
        }
        return List.copyOf(parameters);
    }

    // @RestQuery and @RestForm without a value take the Java parameter's name (the build compiles with -parameters).
    private static String nameOf(String value, Parameter parameter) {
        return value == null || value.isEmpty() ? parameter.getName() : value;
    }

    private record Declared(String name, boolean form, boolean multiLine) {
    }
}
