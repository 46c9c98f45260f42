package org.tongxin.identity.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The operations of the REST API (those of the OpenAPI document, by operation id), for scoping a system token to the
 * operations its agency's system needs. Read from the handlers themselves, once, on first use.
 */
@Component
public class ApiOperations {

    /** One API operation: its id, summary, method, path and tag (module). */
    public record ApiOperation(String id, String summary, String method, String path, String tag) {}

    private final ApplicationContext context;
    private volatile Map<String, ApiOperation> operations;

    ApiOperations(ApplicationContext context) {
        this.context = context;
    }

    /** Every operation, by tag and path. */
    public List<ApiOperation> all() {
        return operations().values().stream()
                .sorted(Comparator.comparing(ApiOperation::tag)
                        .thenComparing(ApiOperation::path)
                        .thenComparing(ApiOperation::method))
                .toList();
    }

    public boolean exists(String operationId) {
        return operations().containsKey(operationId);
    }

    public Optional<ApiOperation> find(String operationId) {
        return Optional.ofNullable(operations().get(operationId));
    }

    private Map<String, ApiOperation> operations() {
        Map<String, ApiOperation> known = operations;
        if (known == null) {
            RequestMappingHandlerMapping mapping =
                    context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            List<ApiOperation> found = new ArrayList<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                    mapping.getHandlerMethods().entrySet()) {
                HandlerMethod handler = e.getValue();
                io.swagger.v3.oas.annotations.Operation op =
                        handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
                if (op == null
                        || op.operationId().isBlank()
                        || !handler.getBeanType().getPackageName().startsWith("org.tongxin")) {
                    continue;
                }
                io.swagger.v3.oas.annotations.tags.Tag tag =
                        handler.getBeanType().getAnnotation(io.swagger.v3.oas.annotations.tags.Tag.class);
                String path = e.getKey().getPatternValues().stream().findFirst().orElse("");
                String method = e.getKey().getMethodsCondition().getMethods().stream()
                        .findFirst()
                        .map(Enum::name)
                        .orElse("GET");
                if (path.startsWith("/api/")) {
                    found.add(new ApiOperation(
                            op.operationId(), op.summary(), method, path, tag == null ? "" : tag.name()));
                }
            }
            known = found.stream().collect(Collectors.toMap(ApiOperation::id, Function.identity(), (a, b) -> a));
            operations = known;
        }
        return known;
    }
}
